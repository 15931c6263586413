"""Every language and dialect of Sauti's users: catalogs, typed-text understanding, detection.

    catalog.py       Fluent catalogs (locales/<tag>/bot.ftl), per-message fallback chains
    languages.py     right-to-left locales, each language's own name
    normalize.py     one fold for both sides of a comparison; Arabizi skeletons
    numbers.py       a count in any script or in words (number_words.py: the words)
    wordlists.py     reading locales/<tag>/words.yaml
    words.py         Lexicon: keywords, answer ids and option numbers from typed text
    detect.py        proposing a language from script and words; language names typed
                     (markers.py: the words)
    check.py         `sauti locales check`

Nothing here imports the web framework or the database, and no message text is logged.
"""
