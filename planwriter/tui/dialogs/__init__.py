"""The editor's dialogs: small modal screens, one a file, each typed by what it gives back
through `dismiss` (frogmouth's dialogs/). Escape always closes a dialog with its safe answer.

- choice.ChoiceDialog[V]: a question, answered by one of its Choice values (delete_question)
- title_prompt.TitlePrompt: a title, or None
- target_form.TargetForm: a TargetAnswer (a target, or the wish to delete it), or None
- pick.PickDialog: the id of the option chosen, or None
- find.FindDialog: the id of the task found, or None
- help.HelpScreen: nothing (the keys, read)
- progress_form.ProgressForm: a Recorded (a value as of a date, with its note), or None;
  imported where used, so the editor's start does not load progress tracking
"""

from planwriter.tui.dialogs.choice import Choice, ChoiceDialog, delete_question
from planwriter.tui.dialogs.find import FindDialog
from planwriter.tui.dialogs.help import HelpScreen, KeyHelp
from planwriter.tui.dialogs.pick import PickDialog
from planwriter.tui.dialogs.target_form import QuantityValidator, TargetAnswer, TargetForm
from planwriter.tui.dialogs.title_prompt import TitlePrompt

__all__ = [
    "Choice",
    "ChoiceDialog",
    "FindDialog",
    "HelpScreen",
    "KeyHelp",
    "PickDialog",
    "QuantityValidator",
    "TargetAnswer",
    "TargetForm",
    "TitlePrompt",
    "delete_question",
]
