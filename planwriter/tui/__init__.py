"""The terminal UI (Textual). Import `planwriter.tui.app` for the app itself; this package's
own import stays light so `document` and `recovery` load without Textual."""
