"""Plain files shipped with the application (protocol schedule, translations, icons)."""
