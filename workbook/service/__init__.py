"""The use cases, once, for both faces (the command line and the app, in a terminal or a
browser): no Textual, no printing; what cannot be done is a ``ServiceError`` whose message a face
shows as it is."""
