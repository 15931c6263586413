# Sauti — messages en français.
# Rédigé par les développeurs de Sauti (traduit de locales/en/bot.ftl).
# Mêmes identifiants et mêmes variables que l'anglais (`sauti locales check`).
# Phrases courtes, mots simples. Ne jamais promettre un sauvetage ni un résultat.

## Language

language-name = Français
language-prompt = Choisissez votre langue. Vous pouvez la changer à tout moment en écrivant « langue ».
language-menu-button = Langues
language-switched = Nous allons vous écrire en français.

## Consent and information (shown before any question)

consent-prompt =
    Ce chat est géré par { $org }, un groupe qui aide les personnes en danger à l'étranger. Nous ne sommes pas la police, ni un service d'urgence.
    Une personne de notre équipe lit ce que vous écrivez. Nous le gardons { $days ->
        [one] { $days } jour
       *[other] { $days } jours
    }, puis nous l'effaçons.
    Les premières réponses sont automatiques. Nous gardons votre numéro, le lieu que vous nous donnez et vos messages. Nous ne partageons rien avec une ambassade, la police ou une agence sans vous le demander d'abord.
    Écrivez SUPPRIMER à tout moment pour tout effacer. Effacez ce chat si quelqu'un peut lire votre téléphone.
    Êtes-vous d'accord pour continuer ?
consent-yes = Oui, continuer
consent-no = Non
consent-declined = Nous comprenons : nous ne gardons rien de ce chat. Si vous êtes en danger maintenant, appelez le 112 en Europe, ou le numéro d'urgence du pays où vous êtes{ $hotline ->
        [0] {""}
       *[other] , ou notre ligne { $hotline }
    }. Pour revenir, écrivez-nous à nouveau à tout moment.

## Questions of the default flow

safety-prompt = Êtes-vous en danger maintenant ?
safety-danger_now = Je suis en danger
safety-not_safe = Pas en sécurité
safety-safe = En sécurité

location-prompt = Où êtes-vous maintenant ? Envoyez votre position, ou écrivez le nom de la ville ou du lieu.
location-found = Merci. Nous avons noté : { $place }, { $country }.
location-near = Merci. Vous êtes près de { $place }, { $country } (à environ { $km } km).
location-ambiguous = Il y a plusieurs lieux « { $name } ». Lequel ?
location-unknown = Merci. Nous n'avons pas trouvé « { $name } » sur notre carte, mais nous l'avons noté. Une personne de notre équipe vous posera d'autres questions.
location-reask = Envoyez votre position, ou écrivez le nom de la ville ou du lieu. Si vous ne savez pas, écrivez : je ne sais pas.
location-dont-know = Ce n'est pas grave. Nous avons noté que vous ne savez pas où vous êtes. Une personne de notre équipe vous aidera à le trouver.
location-situation = Merci. Nous avons noté : { $situation }.
location-at-sea = Merci. Votre position est en mer, à environ { $km } km de la côte (pays le plus proche : { $country }). Nous l'avons notée.
location-remote = Merci. Nous avons noté votre position (pays : { $country }), à environ { $km } km de la ville connue la plus proche.
location-country = Merci. Nous avons noté : { $country }.
location-town-prompt = Dans quelle ville ou quel lieu ? Si vous préférez ne pas le dire, touchez Passer.
location-confirm = { $place }, { $country } : c'est bien là que vous êtes ?
location-yes = Oui
situation-at_sea-name = en mer
situation-in_desert-name = dans le désert
situation-in_vehicle-name = dans un véhicule
situation-detained-name = détenu·e

passport-prompt = Qui a votre passeport maintenant ?
passport-with_me = Je l'ai
passport-held_by_employer = Mon employeur
passport-held_by_agent = Un agent
passport-held_by_authorities = Police / autorités
passport-lost = Perdu ou volé
passport-never_had = Je n'en ai jamais eu

free_to_leave-prompt = Pouvez-vous quitter l'endroit où vous êtes quand vous voulez ?
free_to_leave-yes = Oui
free_to_leave-no = Non
free_to_leave-unsure = Je ne sais pas

people-prompt = Combien de personnes sont dans la même situation, vous compris ? Écrivez un nombre : 1 si vous êtes seul ou seule.

## Optional questions (a person can skip them)

agency-prompt = Quelle agence ou quelle personne vous a trouvé ce travail ? Écrivez son nom, ou « passer » si vous ne savez pas.
employer_town-prompt = Dans quelle ville ou quelle région vit votre employeur ? Écrivez « passer » si vous ne savez pas.
others-prompt = D'autres personnes dans la même maison ou le même travail sont-elles dans la même situation ?
others-yes = Oui
others-no = Non
others-unsure = Je ne sais pas
option-skip = Passer

## Safe contact (the bot never writes first unless the person says it is safe)

contact-prompt = Plus tard, pouvons-nous vous écrire en premier, par exemple pour vous donner des nouvelles de votre dossier ? Dites oui seulement si c'est sans danger pour vous.
contact-anytime = Oui, à tout moment
contact-daytime = Oui, en journée
contact-never = Non, jamais

## After the questions

done-prompt =
    Merci. Votre numéro de dossier est { $case }.
    Une personne de notre équipe va lire vos réponses et vous écrire ici. Nous ne pouvons pas dire quand, et nous ne pouvons pas promettre ce qui va se passer.
    Pour parler à une personne maintenant, écrivez AIDE.
urgent-opened = Votre dossier est marqué urgent. Une personne de notre équipe le verra dès qu'elle sera disponible ; nous ne pouvons pas dire quand. Si vous pouvez, gardez ce chat ouvert.
emergency-number =
    Pays : { $country }. Numéros vérifiés par notre équipe :
    { $numbers }
emergency-none = Pays : { $country }. Nous n'avons pas encore de numéro d'urgence vérifié pour ce pays. Nous ne donnons que des numéros vérifiés par notre équipe.
emergency-unknown-country = Si vous êtes en danger maintenant, appelez le numéro d'urgence du pays si vous pouvez.
emergency-number-sea =
    En mer, numéros vérifiés par notre équipe :
    { $numbers }
emergency-none-sea = Nous n'avons pas encore de numéro de garde-côtes vérifié pour l'endroit où vous êtes. Une personne de notre équipe va lire vos messages.
emergency-hotline = Vous pouvez appeler notre équipe : { $hotline }
risk-police_may_detain_migrants-why = Ici, la police peut arrêter les personnes sans papiers : les autres services viennent donc en premier.
risk-not_a_rescue_service-why = Alarm Phone est une ligne de bénévoles, pas un service d'urgence : appelez d'abord les garde-côtes si vous pouvez.
# The services named before each number (flows/emergency_numbers.yaml `service`).
service-general-name = urgences
service-police-name = police
service-gendarmerie-name = gendarmerie
service-national_guard-name = garde nationale
service-ambulance-name = ambulance
service-fire-name = pompiers
service-civil_protection-name = protection civile
service-civil_defence-name = défense civile
service-tourist_police-name = police touristique
service-coast_guard-name = garde-côtes
service-migrant_helpline-name = ligne d'aide aux migrants
service-alarm_phone-name = Alarm Phone

## Words that work at any step

help-handoff = Une personne de notre équipe va vous répondre ici dès que possible. Gardez ce chat ouvert si c'est sans danger.
restart-done = Nous recommençons depuis le début.
erase-confirm = Voulez-vous que nous effacions tout ce que vous nous avez dit ? On ne pourra pas le récupérer.
erase-yes = Oui, effacer
erase-no = Non, garder
erase-done = Tout ce que vous nous avez dit est effacé. Effacez aussi ce chat sur votre téléphone.
erase-cancelled = Rien n'a été effacé. Nous continuons.

## When we do not understand

reask-choice = Touchez une des réponses, ou écrivez son numéro.
reask-number = Écrivez un nombre, par exemple 3.
reask-text = Écrivez une réponse courte, s'il vous plaît.
offer-human = Nous n'avons pas compris. Une personne de notre équipe va lire ce message et vous répondre.
menu-button = Réponses
numbered-hint = Écrivez le numéro de votre réponse.

## Other messages

voice-note = Nous ne pouvons pas écouter les messages vocaux, mais une personne de notre équipe le fera. Pour cette question, touchez une réponse ou écrivez.
media-received = Merci, nous avons reçu votre fichier. Une personne de notre équipe va le voir.
unsupported-message = Nous ne pouvons pas lire ce type de message. Écrivez du texte, s'il vous plaît.
flood-notice = Vous avez envoyé beaucoup de messages très vite. Nous les avons bien reçus. Attendez une réponse, s'il vous plaît.
received-ack = Nous avons reçu votre message. Une personne de notre équipe va le lire.
handback-done = Notre équipe a fini pour le moment. Vous pouvez nous écrire à tout moment si vous avez besoin d'aide.
handback-resume = Nous continuons avec les questions.
reminder = Êtes-vous toujours là ? Répondez seulement quand c'est sans danger.
conversation-expired = Cette conversation est fermée. Vous pouvez nous écrire à nouveau à tout moment.

## Canned replies for caseworkers (flows/replies.yaml)

canned-received = Nous avons reçu votre message. Une personne de notre équipe le lit.
canned-safe-to-talk = Pouvez-vous parler sans danger maintenant ? Répondez oui ou non.
canned-send-location = Quand c'est sans danger, envoyez-nous votre position.
canned-contacting-embassy = Nous contactons l'ambassade au sujet de votre dossier.
canned-stay-put = Si c'est sans danger, restez où vous êtes. Nous vous écrirons à nouveau.
canned-how-many = Combien de personnes sont avec vous ?
canned-delete-chat = Pensez à effacer ce chat si quelqu'un peut lire votre téléphone.
canned-call-later = Nous vous écrirons à nouveau bientôt.

## Added for the engine

# Une option dans « Il y a plusieurs Tripoli. Lequel ? » : un lieu et son pays.
location-option = { $place }, { $country }
location-other = Ailleurs
# flows/examples/sea.yaml : le chemin rapide pour les personnes en mer ou dans le désert.
safety-at_sea = En mer
safety-in_desert = Dans le désert
sea-call-now = Si vous pouvez, appelez maintenant les garde-côtes ou le numéro d'urgence. Nous ne sommes pas un service d'urgence, mais une personne de notre équipe va lire ce message.
sea-position-prompt = Envoyez votre position : partagez votre localisation, ou écrivez-la. Sur un téléphone Thuraya : Menu, GPS Manager, Current position.
sea-people-prompt = Combien de personnes sont avec vous ? Écrivez un nombre.
sea-condition-prompt = Comment va tout le monde ? Écrivez-nous sur l'eau, les blessés, et l'état du bateau ou de la voiture.

# The default flow's sea and desert paths (flows/distress.yaml).
sea_people-prompt = Combien de personnes sont sur le bateau, vous compris ? Écrivez un nombre, et s'il y a des enfants, des femmes ou des blessés.
sea_condition-prompt = Comment est le bateau ? Choisissez, ou écrivez-le : eau qui entre, moteur, carburant, eau à boire.
sea_condition-taking_water = L'eau entre
sea_condition-engine_stopped = Moteur arrêté
sea_condition-no_fuel = Plus d'essence
sea_condition-no_drinking_water = Plus d'eau à boire
sea_boat-prompt = Décrivez le bateau : pneumatique ou en bois, sa couleur, sa taille.
desert-call-now = Si vous pouvez, appelez maintenant le numéro d'urgence. Nous ne sommes pas un service d'urgence, mais une personne de notre équipe va lire ce message. Restez ensemble, à l'ombre si possible.
desert_position-prompt = Envoyez votre position : partagez votre localisation, ou écrivez le lieu, la route ou le poste-frontière le plus proche.
desert_water-prompt = Avez-vous de l'eau ?
desert_water-none = Pas d'eau
desert_water-little = Un peu
desert_water-enough = Assez pour l'instant
desert_people-prompt = Combien de personnes sont avec vous, vous compris ? Écrivez un nombre, et s'il y a des enfants, des femmes ou des blessés.
desert_direction-prompt = Où vous a-t-on laissés, et dans quelle direction marchez-vous ? Depuis combien de temps ?
position-updates = Si vous pouvez, renvoyez votre position toutes les 30 minutes : partagez votre localisation, ou écrivez les chiffres de votre GPS. Économisez la batterie.

## Saying back what we understood

answer-noted = Noté : { $answer }. Pour changer, écrivez CHANGER.
confirm-prompt = Vouliez-vous dire : { $answer } ?
confirm-other = Non, autre chose

## flow: danger path, caseworker questions, consent to share

people-with-prompt = Combien de personnes sont avec vous dans la même situation ? Écrivez un nombre (1 si vous êtes seule). S'il y a des enfants ou des blessés, écrivez-le aussi.
nationality-prompt = Quelle est votre nationalité ? Vous pouvez passer cette question.
safe_to_call-prompt = Pouvons-nous vous appeler ou vous écrire en premier sans danger, et quand ? Dites oui seulement si c'est sans danger.
safe_to_call-anytime = Oui, à tout moment
safe_to_call-daytime = Oui, en journée
safe_to_call-never = Non, jamais
phone_private-prompt = Ce téléphone est-il seulement à vous, ou quelqu'un d'autre peut-il le lire ?
phone_private-mine = Seulement à moi
phone_private-shared = Partagé avec d'autres
phone_private-watched = Quelqu'un le lit
injured-prompt = Êtes-vous, vous ou quelqu'un avec vous, blessé ou avez-vous besoin d'un médecin ?
injured-yes = Oui
injured-no = Non
children-prompt = Y a-t-il des enfants avec vous ?
children-yes = Oui
children-no = Non
wages-prompt = Êtes-vous payée pour votre travail ?
wages-paid = Oui, payée
wages-partly = Seulement une partie
wages-unpaid = Pas payée
debt-prompt = Devez-vous de l'argent à un agent, un recruteur ou votre employeur ?
debt-yes = Oui
debt-no = Non
debt-unsure = Je ne sais pas
threats-prompt = Quelqu'un vous a-t-il menacée, vous ou votre famille ?
threats-yes = Oui
threats-no = Non
wants-prompt = Que voulez-vous le plus maintenant ?
wants-go_home = Rentrer chez moi
wants-leave_employer = Quitter l'employeur
wants-information = Des informations
handover-prompt = Merci. Votre numéro de dossier est { $case }. Une personne de notre équipe va vous écrire ici ; nous ne posons plus de questions. Gardez ce chat ouvert si c'est sans danger. Pour ajouter quelque chose, écrivez simplement.
share-embassy-prompt = Pouvons-nous contacter l'ambassade de votre pays au sujet de votre dossier ? Nous ne ferons rien sans votre oui. Pour certaines personnes, un contact avec leur ambassade peut être dangereux : dites non si vous n'êtes pas sûre.
share-yes = Oui, vous pouvez
share-no = Non, surtout pas
share-answer-given = Merci, nous avons noté votre oui.
share-answer-refused = Merci, nous ne les contacterons pas. Vous pouvez changer d'avis à tout moment.

## The phone simulator (it shows what WhatsApp shows on the person's phone)

simulator-send-location = 📍 Envoyer la position
