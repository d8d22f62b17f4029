"""``workbook serve``: the workbook in a browser, with the locks textual-serve leaves out."""
