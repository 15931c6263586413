only-en = English only.
everywhere = English.
in-fr = English fr.
in-ar = English ar.
days = { $n ->
        [one] one day
       *[other] { $n } days
    }
