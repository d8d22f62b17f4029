"""The agreement document and session summaries, as CommonMark and as HTML."""
