"""sscvisit: clinic workstation application for the MSC digital-ulcer trial in SSc."""

__version__ = "0.1.0"
