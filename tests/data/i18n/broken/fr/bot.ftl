# Deliberately broken: wrong variable, no plural selector, a label too long for a button,
# junk, an extra id, and "goodbye" missing.
greeting = Bonjour { $nom }.
items = { $count } articles.
consent-yes = Oui, continuer à répondre aux questions
safety-danger_now = Danger { maintenant
bonus = Pas en anglais.
left =
    { $n ->
        [one] Il en reste un.
        [few] Il en reste quelques-uns.
       *[other] Il en reste { $n }.
    }
