"""The MkDocs adapter: plugin events, cheap generated pages, live reload, the error page, theme overrides."""
