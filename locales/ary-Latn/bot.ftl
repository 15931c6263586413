# Sauti — messages b darija, b l7rouf latiniya (Arabizi: 3 = ع, 7 = ح, 9 = ق, 2 = ء).
# Drafted by the Sauti developers (translated from locales/ary/bot.ftl).
# Needs review by a native speaker before use.
# Same ids and variables as English (`sauti locales check`). Short sentences, plain words;
# never promise rescue. Spelling follows common chat habits (ch, kh, gh, ou).

## Language

language-name = Darija
language-prompt = Khtaro lougha dyalkom. T9der tbddelha f ay wa9t ila ktebti "lougha".
language-menu-button = Loughat
language-switched = Ghadi nktbo lik b darija.

## Consent and information (shown before any question)

consent-prompt =
    Had chat kaysiro { $org }, jam3iya kat3awn nas li f khatar bra bladhom. 7na machi lbolis, w machi khedma dyal l'urgence.
    Wa7ed mn lfari9 dyalna kay9ra les messages dyalk. Kankhliwhom { $days ->
        [one] nhar wa7ed
        [two] youmayn
        [few] { $days } iyam
       *[other] { $days } youm
    }, w mn b3d kanms7ouhom.
    Ktbo "MS7" f ay wa9t bach nms7o kolchi. Ms7o had chat ila kan chi wa7ed y9der y9ra tilifoun dyalk.

    Ljawabat lwlin automatiques. Kankhliw ra9m dyalk, lblasa li glti lina w les messages dyalk. Ma kan3tiw walo l chi sifara wla lbolis wla chi wakala 7ta nsoulouk.
    Kteb "MS7" f ay wa9t bach nms7o kolchi. Ms7 had chat ila kan chi wa7ed y9der y9ra tilifoun dyalk.
    Wach nkmmlo?
consent-yes = Ih, nkmmlo
consent-no = La
consent-declined = Fahminek: ma kankhliw walo mn had chat. Ila konti f khatar daba, 3iyet l 112 f Europa, wla l ra9m l'urgence dyal lblad li nta fiha{ $hotline ->
        [0] {""}
       *[other] , wla l lkhat dyalna { $hotline }
    }. Bach trje3, kteb lina 3awtani f ay wa9t.

## Questions of the default flow

safety-prompt = Wach kayn chi khatar 3lik daba?
safety-danger_now = Ana f khatar daba
safety-not_safe = Ma f amanch
safety-safe = Labas 3lia daba

location-prompt = Fin rak daba? Sifto lina location dyalk, wla ktbo smiyt lmdina wla lblasa.
location-found = Chokran. Sjjelna: { $place }, { $country }.
location-near = Chokran. Rak 9rib mn { $place }, { $country } (ta9riban { $km } km).
location-ambiguous = Kayn ktar mn blasa smitha "{ $name }". Chmen wa7da?
location-unknown = Chokran. Ma l9inach "{ $name }" f lkharita dyalna, walakin sjjelnaha. Wa7ed mn lfari9 dyalna ghadi ysowlk ktar.
location-reask = Sifet lina location dyalk, wla kteb smiyt lmdina wla lblasa. Ila ma 3reftich, kteb: ma3rftch.
location-dont-know = Machi mochkil. Sjjelna bli ma 3reftich fin nta. Wa7ed mn lfari9 dyalna ghadi y3awnek t3ref.
location-situation = Chokran. Sjjelna: { $situation }.
location-at-sea = Chokran. Lblasa dyalk f lb7ar, ta9riban { $km } km mn chett dyal { $country }. Sjjelnaha.
location-remote = Chokran. Sjjelna lblasa dyalk f { $country }, ta9riban { $km } km mn a9rab mdina kan3rfouha.
location-country = Chokran. Sjjelna: { $country }.
location-town-prompt = F chmen mdina wla blasa? Ila ma bghitich tgoul, wrek 3la Fout.
location-confirm = { $place }, { $country }: wach nta tma?
location-yes = Wah
situation-at_sea-name = f lb7ar
situation-in_desert-name = f sa7ra
situation-in_vehicle-name = f tomobil wla camion
situation-detained-name = m7bous

passport-prompt = Chkoun 3ndo lpaspor dyalk daba?
passport-with_me = 3ndi ana
passport-held_by_employer = Lpatron
passport-held_by_agent = Samsar wla lwakala
passport-held_by_authorities = Lboulis wla sl6at
passport-lost = Da3 wla tsre9
passport-never_had = 3mri ma kan 3ndi

free_to_leave-prompt = Wach t9der tkhrej mn lblasa li rak fiha mli bghiti?
free_to_leave-yes = Ih
free_to_leave-no = La
free_to_leave-unsure = Ma 3reftch

people-prompt = Ch7al mn wa7ed f nefs l7ala, nta/nti m3ahom? Ktbo ra9m: 1 ila konti bo7dk.

## Optional questions (a person can skip them)

agency-prompt = Chno smiyt lwakala wla chkhs li jabk l had lkhedma? Ktbo "fout" ila ma 3reftich.
employer_town-prompt = F ina mdina wla mante9a saken lpatron dyalk? Ktbo "fout" ila ma 3reftich.
others-prompt = Wach kaynin nas khrin f nefs ddar wla nefs lkhedma 3ndhom nefs lmochkil?
others-yes = Ih
others-no = La
others-unsure = Ma 3reftch
option-skip = Fout

## Safe contact (the bot never writes first unless the person says it is safe)

contact-prompt = Wach n9dro nktbo lik 7na lwlin mn b3d, b7al bach n3tiwk lakhbar 3la dossier dyalk? Golo ih ghir ila kan hadchi ma fih 7ta khatar 3lik.
contact-anytime = Ih, f ay wa9t
contact-daytime = Ih, ghir f nhar
contact-never = La, nihaian

## After the questions

done-prompt =
    Chokran. Ra9m dossier dyalk howa { $case }.
    Wa7ed mn lfari9 dyalna ghadi y9ra les réponses dyalk w ykteb lik hna. Ma n9droch ngoulo imta, w ma n9droch nw3dok b chi 7aja.
    Ila bghiti tdwi m3a chi wa7ed daba, kteb "3AWNOUNI".
urgent-opened = Dossier dyalk m3ellem "mosta3jil". Wa7ed mn lfari9 dyalna ghadi ychoufo f a9rab wa9t, ghir ykoun chi wa7ed mojoud. Ila 9derti, khlliw had chat m7loul.
emergency-number =
    F { $country }, nmer t2kked menhom lfari9 dyalna:
    { $numbers }
emergency-none = Ma 3ndnach ba9i chi nmra dyal l'urgence t2kkedna menha f { $country }. Kan3tiw ghir nmer li t2kked menhom lfari9 dyalna.
emergency-unknown-country = Ila konti f khatar daba, 3iyet l nmra dyal l'urgence dyal lblad ila 9dti.
emergency-number-sea =
    F lb7ar, nmer t2kked menhom lfari9 dyalna:
    { $numbers }
emergency-none-sea = Ma 3ndnach ba9i nmra dyal lbahriya (garde-côtes) t2kkedna menha l blasa fin nta. Wa7ed mn lfari9 dyalna ghadi y9ra les messages dyalk.
emergency-hotline = T9der t3iyet l lfari9 dyalna: { $hotline }
risk-police_may_detain_migrants-why = Lbolis hna y9der ychedd nas li ma 3ndhomch lwra9, dakchi 3lach lkhadamat lokhrin jaw lowlin.
risk-not_a_rescue_service-why = Alarm Phone khatt dyal lmotatawi3in, machi khedma dyal l'urgence: 3iyet l lbahriya lowla ila 9dti.
# The services named before each number (flows/emergency_numbers.yaml `service`).
service-general-name = l'urgence
service-police-name = lbolis
service-gendarmerie-name = jadarmiya
service-national_guard-name = l7aras lwatani
service-ambulance-name = lambulance
service-fire-name = lpompiya
service-civil_protection-name = protection civile
service-civil_defence-name = difa3 madani
service-tourist_police-name = lbolis siya7i
service-coast_guard-name = lbahriya (garde-côtes)
service-migrant_helpline-name = khatt mosa3ada dyal lmohajirin
service-alarm_phone-name = Alarm Phone

## Words that work at any step

help-handoff = Wa7ed mn lfari9 dyalna ghadi yjawbk hna f a9rab wa9t. Khlliw had chat m7loul ila kan ma fihach khatar.
restart-done = Ghadi nbdaw mn lowl.
erase-confirm = Wach bghiti nms7o kolchi li 9olti lina? Mn b3d ma ymkench nrj3oh.
erase-yes = Ih, ms7o
erase-no = La, khllih
erase-done = Ms7na kolchi li 9olti lina. 3afak ms7o 7ta had chat mn tilifoun dyalk.
erase-cancelled = Ma ms7na walo. Ghadi nkmmlo.

## When we do not understand

reask-choice = 3afak wrrkou 3la wa7ed mn les réponses, wla ktbo ra9m dyalo.
reask-number = 3afak ktbo ra9m, b7al 3.
reask-text = 3afak ktbo jawab 9sir.
offer-human = Ma fhmnach. Wa7ed mn lfari9 dyalna ghadi y9ra message dyalk w yjawbk.
menu-button = Ajwiba
numbered-hint = Ktbo ra9m jawab dyalk.

## Other messages

voice-note = Ma n9droch nsm3o l'audio, walakin wa7ed mn lfari9 dyalna ghadi ysm3o. F had so2al, 3afak wrrkou 3la jawab wla ktbo.
media-received = Chokran, wslna lfichier dyalk. Wa7ed mn lfari9 dyalna ghadi ychoufo.
unsupported-message = Ma n9droch n9raw had nou3 dyal messages. 3afak ktbo.
flood-notice = Sifetti bzaf dyal messages b zerba. Wslouna kamlin. 3afak tsenna jawab.
received-ack = Wslna message dyalk. Wa7ed mn lfari9 dyalna ghadi y9rah.
handback-done = Lfari9 dyalna sala daba. T9der tkteb lina f ay wa9t ila 7tajiti chi mosa3ada.
handback-resume = Ghadi nkmmlo l2as2ila.
reminder = Wach mazal m3ana? Jawbo ghir mli ykoun ma fihach khatar.
conversation-expired = Had lmo7adata tsddat. T9der tkteb lina 3awtani f ay wa9t.

## Canned replies for caseworkers (flows/replies.yaml)

canned-received = Wslna message dyalk. Wa7ed mn lfari9 dyalna kay9rah daba.
canned-safe-to-talk = Wach t9der tdwi daba bla khatar? Jawbo b ih wla la.
canned-send-location = Mli ykoun ma fihach khatar, 3afak sifet lina location dyalk.
canned-contacting-embassy = Rah kantwasslo m3a sefara 3la 9bel dossier dyalk.
canned-stay-put = Ila ma kanch khatar, b9a fin rak. Ghadi nktbo lik 3awtani.
canned-how-many = Ch7al mn wa7ed m3ak?
canned-delete-chat = 39el tms7 had chat ila kan chi wa7ed y9der y9ra tilifoun dyalk.
canned-call-later = Ghadi nktbo lik 3awtani 9rib.

## Added for the engine

# Option f "kayn ktar mn blasa smitha Tripoli": lblasa w lblad dyalha.
location-option = { $place }, { $country }
location-other = Blasa khra
safety-at_sea = F lb7ar
safety-in_desert = F sa7ra
sea-call-now = Ila 9dertou, 3iyto daba l lbahriya (garde-côtes) wla l nmra dyal l'urgence. 7na machi khedma dyal l'urgence, walakin wa7ed mn lfari9 dyalna ghadi y9ra hadchi.
sea-position-prompt = Sifto lblasa dyalkom: partagiw location, wla ktbouha. F tilifoun Thuraya: Menu, GPS Manager, Current position.
sea-people-prompt = Ch7al mn wa7ed m3akom? Ktbo ra9m.
sea-condition-prompt = Kidayrin kamlin? Ktbo lina 3la lma, wach kayn chi mjrou7, w kif dayra lflouka wla tomobil.

# The default flow's sea and desert paths (flows/distress.yaml). Draft: needs review by a native speaker.
sea_people-prompt = Ch7al mn wa7ed f lflouka, ntouma m3ahom? Ktbo ra9m, w ktbo ila kayn drari wla 3yalat wla chi mjrou7.
sea_condition-prompt = Kidayra lflouka? Khtaro, wla ktbo: lma dakhel, lmotor, lessence, lma bach tchorbo.
sea_condition-taking_water = Lma dakhel
sea_condition-engine_stopped = Lmotor 7bes
sea_condition-no_fuel = Makaynch lessence
sea_condition-no_drinking_water = Makaynch lma ncherbo
sea_boat-prompt = Wasfo lflouka: zodiac wla khchab, llon dyalha, 9addach kbira.
desert-call-now = Ila 9dertou, 3iyto daba l nmra dyal l'urgence. 7na machi khedma dyal l'urgence, walakin wa7ed mn lfari9 dyalna ghadi y9ra hadchi. B9aw mjmou3in, f dell ila 9dertou.
desert_position-prompt = Sifto lblasa dyalkom: partagiw location, wla ktbo a9rab blasa wla tri9 wla l7doud.
desert_water-prompt = Wach 3ndkom lma?
desert_water-none = Ma3ndnach lma
desert_water-little = Chwiya
desert_water-enough = Kafi daba
desert_people-prompt = Ch7al mn wa7ed m3akom, ntouma m3ahom? Ktbo ra9m, w ktbo ila kayn drari wla 3yalat wla chi mjrou7.
desert_direction-prompt = Fin khllawkom, w f ina jiha katmchiw? Ch7al hadi?
position-updates = Ila 9dertou, 3awdo sifto lblasa dyalkom kol 30 d9i9a: partagiw location, wla ktbo lar9am dyal GPS. Waffro lbatri.

## Saying back what we understood

answer-noted = Sjjelna: { $answer }. Bach tbeddlo, ktbo BEDDEL.
confirm-prompt = Wach 9sdk: { $answer }?
confirm-other = La, chi 7aja khra

## flow: danger path, caseworker questions, consent to share

people-with-prompt = Ch7al mn wa7ed m3ak f nefs l7ala? Kteb ra9m (1 ila konti bo7dk). Ila kano drari sghar wla chi wa7ed mjrouh, ktebha 7ta hiya.
nationality-prompt = Chnou hiya la nationalité dyalk? T9der tdouz had sou2al.
safe_to_call-prompt = Wach ma fiha khatar ila 3iyetna lik wla ktebna lik 7na lwlin, w fou9ach? Gol ih ghir ila ma fiha khatar.
safe_to_call-anytime = Ih, f ay wa9t
safe_to_call-daytime = Ih, ghir f nhar
safe_to_call-never = La, nihaian
phone_private-prompt = Wach had tilifoun dyalk bo7dk, wla chi wa7ed akhor y9der y9rah?
phone_private-mine = Dyali bo7di
phone_private-shared = Mcharek m3a nas khrin
phone_private-watched = Chi wa7ed kay9rah
injured-prompt = Wach nta wla chi wa7ed m3ak mjrouh wla m7taj tbib?
injured-yes = Ih
injured-no = La
children-prompt = Wach m3ak drari sghar?
children-yes = Ih
children-no = La
wages-prompt = Wach kaykhlsouk 3la lkhedma dyalk?
wages-paid = Ih, kaykhlsouni
wages-partly = Ghir chwiya
wages-unpaid = Ma kaykhlsounich
debt-prompt = Wach 3lik chi kridi l chi smsar, wla l chi wakala, wla l lpatron?
debt-yes = Ih
debt-no = La
debt-unsure = Ma 3rftch
threats-prompt = Wach chi wa7ed heddedek nta wla l3a2ila dyalk?
threats-yes = Ih
threats-no = La
wants-prompt = Chnou bghiti ktar 7aja daba?
wants-go_home = Nrje3 l bladi
wants-leave_employer = Nkhrej mn lpatron
wants-information = Ma3loumat
handover-prompt = Choukran. Ra9m dossier dyalk howa { $case }. Wa7ed mn lfari9 dyalna ghadi ykteb lik hna; ma ghadich nsoulouk chi 7aja khra daba. Khalli had chat m7loul ila ma fiha khatar. Bach tzid chi 7aja, ghir kteb.
share-embassy-prompt = Wach n9dro ntasslo b sifara dyal bladek 3la dossier dyalk? Ma ghadi ndiro walo bla ma tgoul ih. L chi nas, l2ittisal b sifara dyalhom y9der ykoun khatar: gol la ila ma kontich mt2ekked.
share-yes = Ih, t9dro
share-no = La, ma tdirouch
share-answer-given = Choukran, sejjelna belli glti ih.
share-answer-refused = Choukran, ma ghadich ntasslo bihom. T9der tbeddel ra2yk f ay wa9t.

## The phone simulator (it shows what WhatsApp shows on the person's phone)

simulator-send-location = 📍 Sifet lblasa
