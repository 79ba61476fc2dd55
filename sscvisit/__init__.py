"""sscvisit: clinic workstation application for the MSC digital-ulcer trial in systemic sclerosis."""

__version__ = "0.1.0"
