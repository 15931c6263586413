# A small source catalog for the check's tests.
greeting = Hello { $name }.
items =
    { $count ->
        [one] One item.
       *[other] { $count } items.
    }
consent-yes = Yes, continue
safety-danger_now = Danger now
goodbye = Goodbye.
left =
    { $n ->
        [one] One left.
       *[other] { $n } left.
    }
