# Les mots de la boîte de réception des intervenants (bot/web/ui_words.py).
# Un message absent d'ici s'affiche en anglais.

inbox-name = Boîte Sauti
inbox-skip = Aller au contenu principal
inbox-demo = Démo : données d'exemple inventées ; rien de ce que vous envoyez ne quitte cet ordinateur.
inbox-nav = Boîte de réception
inbox-groups = Groupes
inbox-patterns = Tendances
inbox-numbers = Numéros
inbox-admin = Administration
inbox-sign-out = Se déconnecter
inbox-open-count = { $count ->
    [one] { $count } ouvert
   *[other] { $count } ouverts
}
inbox-urgent-count = { $count ->
    [one] { $count } urgent non pris en charge
   *[other] { $count } urgents non pris en charge
}

login-title = Connexion
login-name = Nom d'utilisateur
login-password = Mot de passe
login-button = Se connecter
login-wrong = Nom d'utilisateur ou mot de passe incorrect.
login-too-soon = Trop de tentatives échouées. Réessayez dans { $when }.

list-title = Dossiers
list-status = Statut
list-status-active = Ouverts et pris en charge
list-status-open = Ouverts
list-status-claimed = Pris en charge
list-status-resolved = Résolus
list-status-all = Tous
list-priority = Priorité
list-priority-any = Toutes
list-team = Équipe
list-team-all = Toutes mes équipes
list-show = Afficher

list-case = Dossier { $id }
list-unclaimed = Non pris en charge
list-not-reached = Non joint
list-not-reached-title = Aucune de nos réponses n'a atteint cette personne
list-team-of = équipe { $team }
list-opened = ouvert
list-unrouted = { $count ->
    [one] Pas encore attribué à une équipe : aucune équipe ne couvre l'endroit d'où cette personne écrit, ou il n'est pas encore connu. Tous les intervenants le voient : ouvrez le dossier et attribuez-le à une équipe.
   *[other] Pas encore attribués à une équipe : aucune équipe ne couvre l'endroit d'où ces personnes écrivent, ou il n'est pas encore connu. Tous les intervenants les voient : ouvrez un dossier et attribuez-le à une équipe.
}
list-unrouted-label = Dossiers pas encore attribués à une équipe, les plus urgents d'abord
list-label = Dossiers, les plus urgents d'abord
list-empty = Aucun dossier ici. Les nouveaux apparaissent d'eux-mêmes.

case-all = ← Tous les dossiers
case-actions = Actions
case-claim = Prendre ce dossier
case-another = un autre intervenant
case-claimed-by = Pris en charge par { $name }.
case-resolved = Résolu. Si la personne écrit à nouveau, un nouveau dossier s'ouvre, lié à celui-ci.
case-resolved-as = Résolu : { $outcome }. Si la personne écrit à nouveau, un nouveau dossier s'ouvre, lié à celui-ci.
case-reply = Répondre
case-release = Rendre la main au bot
case-route-to = Attribuer à l'équipe
case-route-first = Pas encore attribué à une équipe : attribuer à
case-choose = Choisir…
case-route = Attribuer
case-outcome = Issue
case-closing = Message de clôture (facultatif)
case-closing-none = Aucun
case-resolve = Résoudre
case-conversation = Conversation
case-message = Message à la personne
case-message-in = Message à la personne (elle lit : { $language })
case-send = Envoyer
case-canned = Réponses toutes faites
case-in-your-language = Dans votre langue : { $text }
case-needs-consent = Il faut son accord pour contacter : { $recipient }. Impossible d'envoyer avant qu'elle dise oui.
case-ask-consent = Lui demander (oui/non, dans sa langue)
case-send-this = Envoyer ceci
case-templates = Modèles approuvés (la fenêtre est fermée)
case-param-placeholder = rempli depuis le dossier
case-send-template = Envoyer le modèle
case-notes = Notes internes
case-someone = quelqu'un
case-no-notes = Pas encore de note. La personne ne voit jamais les notes.
case-note-label = Ajouter une note (seuls les intervenants la voient)
case-add-note = Ajouter la note
case-linked = Probablement liés
case-linked-link = Dossiers probablement liés à celui-ci, et groupes

facts-title = Ce que nous savons
facts-urgent-unclaimed = Urgent et personne ne l'a pris en charge.
facts-status = Statut
facts-person = Personne
facts-channel = Canal
facts-team = Équipe
facts-not-routed = (pas encore attribué à une équipe)
facts-window = Fenêtre
facts-opened = Ouvert
facts-asked-for = A demandé
facts-a-person = une personne ({ $why })
facts-erased = Effacé
facts-erased-text = La personne a effacé ses données.
facts-not-reached-text = Aucune de nos réponses n'a encore atteint cette personne.
facts-delivery = Remise
facts-delivery-failed = Une réponse n'a pas été remise
facts-delivery-retrying = Une réponse est encore en cours de nouvel essai
facts-last-attempt = dernier essai
facts-answers = Réponses
facts-no-answers = Pas encore de réponse.
facts-location = Position
facts-situation = Situation
facts-place = Lieu
facts-country = Pays
facts-they-wrote = A écrit
facts-coordinates = Coordonnées
facts-open-map = Ouvrir dans OpenStreetMap ↗
facts-positions = Positions envoyées, les plus récentes d'abord
facts-time = Heure
facts-position = Position
facts-from-coast = Depuis la côte
facts-not-shared = Pas encore partagée.
facts-why-priority = Pourquoi cette priorité
facts-no-rule = Aucune règle déclenchée.
facts-signs = Signes de travail forcé (indicateurs de l'OIT)
facts-no-signs = Aucun dans les réponses jusqu'ici.
facts-consent = Accord pour partager
facts-consent-given = La personne a accepté que nous contactions : { $recipients }.
facts-no-consent = Rien ne peut être partagé hors de l'équipe : demandez d'abord à la personne.
facts-safe-contact = Contact sûr
facts-yes = oui
facts-no = non
facts-no-safe-contact = La personne n'a rien dit sur les moments où il est sûr d'écrire.

not-found-title = Introuvable
not-found-case = Dossier introuvable
not-found-case-text = Aucun dossier de ce numéro dans vos équipes.
not-found-back = Retour aux dossiers
