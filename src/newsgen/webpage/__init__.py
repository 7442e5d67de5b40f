"""Saved web pages as input: the article of an `.html`/`.htm` page.

`reader.read_webpage` is the reader the loader calls; the stages it runs live in
`charset` (decoding), `markup` (parsing), `metadata` (headline, byline, date, ...),
`blocks` and `body` (main-content extraction).
"""
