"""Everything that knows about Textual: the app, its screens, step widgets and stylesheet."""
