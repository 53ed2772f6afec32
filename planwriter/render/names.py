"""The templates `--template` takes by name: read by the renderer and by the message that
lists them when a name is not one of them."""

TEMPLATES = ("notice", "plain", "report", "breakdown", "progress")
