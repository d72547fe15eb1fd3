"""The domain core: records, validation and every number shown to a person.

Pure Python: no I/O, and no imports of textual, click, tinydb or plotext (a test checks this).
"""
