# Sauti — farriimaha af Soomaali.
# Drafted by the Sauti developers (translated from locales/en/bot.ftl).
# Needs review by a native speaker before use.
# Same ids and variables as English (`sauti locales check`). Short sentences, plain words;
# never promise rescue.

## Language

language-name = Soomaali
language-prompt = Dooro luuqaddaada. Wakhti kasta waad beddeli kartaa adigoo qoraya "luuqad".
language-menu-button = Luuqadaha
language-switched = Waxaan kuugu qori doonnaa af Soomaali.

## Consent and information (shown before any question)

consent-prompt =
    Wada-sheekeysigan waxaa maamula { $org }, koox caawisa dadka khatarta ku jira ee dalkooda ka baxsan. Ma nihin booliis, mana nihin adeeg gurmad degdeg ah.
    Qof kooxdayada ka mid ah ayaa akhrinaya waxaad qorto. Waxaan haynaa { $days } maalmood, kadibna waan tirtirnaa.
    Jawaabaha ugu horreeya waa toos (automatic). Waxaan haynaa lambarka taleefankaaga, meesha aad noo sheegto iyo fariimahaaga. Waxba lama wadaagno safaarad, booliis ama hay'ad kale adigoo aan lagu weydiin.
    Wakhti kasta qor TIRTIR si wax walba loo tirtiro. Tirtir wada-sheekeysigan haddii qof kale akhrin karo taleefankaaga.
    Ma ku raacsan tahay inaan sii wadno?
consent-yes = Haa, sii wad
consent-no = Maya
consent-declined = Waan fahamsanahay: waxba kama hayno wada-sheekeysigan. Haddii aad hadda khatar ku jirto, wac 112 haddii aad Yurub joogto, ama lambarka gurmadka ee dalka aad joogto{ $hotline ->
        [0] {""}
       *[other] , ama khadkayaga { $hotline }
    }. Si aad u soo noqoto, wakhti kasta mar kale noo soo qor.

## Questions of the default flow

safety-prompt = Hadda ma ku jirtaa khatar?
safety-danger_now = Khatar baan ku jiraa
safety-not_safe = Ammaan kuma jiro
safety-safe = Nabad baan ahay

location-prompt = Hadda xaggee joogtaa? Noo soo dir goobtaada (location), ama qor magaca magaalada ama meesha.
location-found = Mahadsanid. Waan qornay: { $place }, { $country }.
location-near = Mahadsanid. Waxaad u dhowdahay { $place }, { $country } (qiyaastii { $km } km).
location-ambiguous = Waxaa jira meelo badan oo la yiraahdo "{ $name }". Midkee?
location-unknown = Mahadsanid. Kuma aanan helin "{ $name }" khariidaddayada, laakiin waan qornay. Qof kooxdayada ka mid ah ayaa ku weydiin doona wax dheeraad ah.
location-reask = Fadlan noo soo dir goobtaada (location), ama qor magaca magaalada ama meesha. Haddii aadan garanayn, qor: ma aqaan.
location-dont-know = Waa hagaag. Waxaan qornay inaadan garanayn meesha aad joogto. Qof kooxdayada ka mid ah ayaa kaa caawin doona inaad ogaato.
location-situation = Mahadsanid. Waan qornay: { $situation }.
location-at-sea = Mahadsanid. Goobtaadu waa badda dhexdeeda, qiyaastii { $km } km xeebta { $country }. Waan qornay.
location-remote = Mahadsanid. Waxaan qornay goobtaada { $country }, qiyaastii { $km } km magaalada ugu dhow ee aan naqaanno.
location-country = Mahadsanid. Waan qornay: { $country }.
location-town-prompt = Magaalo ama meel kee? Haddii aadan doonayn inaad sheegto, taabo Ka gudub.
location-confirm = { $place }, { $country }: ma halkaas ayaad joogtaa?
location-yes = Haa
situation-at_sea-name = badda dhexdeeda
situation-in_desert-name = lamadegaanka
situation-in_vehicle-name = gaari dhexdiis
situation-detained-name = xabsi

passport-prompt = Hadda yaa haysta baasaboorkaaga?
passport-with_me = Anigaa haysta
passport-held_by_employer = Shaqo-bixiyaha
passport-held_by_agent = Wakiilka
passport-held_by_authorities = Booliska / dowladda
passport-lost = Lumay ama la xaday
passport-never_had = Weligay ma haysan

free_to_leave-prompt = Ma ka bixi kartaa meesha aad joogto markaad doonto?
free_to_leave-yes = Haa
free_to_leave-no = Maya
free_to_leave-unsure = Ma garanayo

people-prompt = Immisa qof ayaa isla xaaladdaada ku jira, adiga oo ku jira? Qor tiro: 1 haddii aad keligaa tahay.

## Optional questions (a person can skip them)

agency-prompt = Waa maxay magaca wakaaladda ama qofka kuu keenay shaqadan? Qor "ka gudub" haddii aadan garanayn.
employer_town-prompt = Shaqo-bixiyahaagu magaalo ama deegaan kee ayuu ku nool yahay? Qor "ka gudub" haddii aadan garanayn.
others-prompt = Ma jiraan dad kale oo isla gurigaas ama goobta shaqada jooga oo isla xaaladdaada ku jira?
others-yes = Haa
others-no = Maya
others-unsure = Ma garanayo
option-skip = Ka gudub

## Safe contact (the bot never writes first unless the person says it is safe)

contact-prompt = Hadhow ma annagu kuu soo qori karnaa marka hore, tusaale ahaan si aan war kaaga siino kiiskaaga? Dheh haa oo keliya haddii ay kuu ammaan tahay.
contact-anytime = Haa, wakhti kasta
contact-daytime = Haa, maalintii
contact-never = Maya, marnaba

## After the questions

done-prompt =
    Mahadsanid. Lambarka kiiskaagu waa { $case }.
    Qof kooxdayada ka mid ah ayaa akhrin doona jawaabahaaga, halkanna kuugu soo qori doona. Ma sheegi karno goorta, mana ballan qaadi karno waxa dhici doona.
    Si aad hadda ula hadasho qof, qor CAAWIMO.
urgent-opened = Kiiskaaga waxaa lagu calaamadeeyay degdeg. Qof kooxdayada ka mid ah ayaa arki doona marka uu qof diyaar noqdo; ma sheegi karno goorta. Haddii aad awooddo, wada-sheekeysigan furan u daa.
emergency-number =
    Gudaha { $country }, lambarrada ay kooxdayadu hubisay:
    { $numbers }
emergency-none = Weli ma hayno lambar gurmad degdeg ah oo aan hubinnay oo ku yaal { $country }. Waxaan bixinnaa oo keliya lambarro ay kooxdayadu hubisay.
emergency-unknown-country = Haddii aad hadda khatar ku jirto, wac lambarka gurmadka degdegga ah ee dalka haddii aad awooddo.
emergency-number-sea =
    Badda dhexdeeda, lambarrada ay kooxdayadu hubisay:
    { $numbers }
emergency-none-sea = Weli ma hayno lambar ilaalada xeebaha oo aan hubinnay oo meesha aad joogto ah. Qof kooxdayada ka mid ah ayaa akhrin doona farriimahaaga.
emergency-hotline = Waxaad wici kartaa kooxdayada: { $hotline }
risk-police_may_detain_migrants-why = Booliiska halkan waxay xiri karaan dadka aan waraaqaha haysan, sidaas darteed adeegyada kale ayaa hormaraya.
risk-not_a_rescue_service-why = Alarm Phone waa khad tabarrucayaal, ma aha adeeg gurmad degdeg ah: marka hore wac ilaalada xeebaha haddii aad awooddo.
# The services named before each number (flows/emergency_numbers.yaml `service`).
service-general-name = gurmadka degdegga
service-police-name = booliis
service-gendarmerie-name = jandarmeeri
service-national_guard-name = ilaalada qaranka
service-ambulance-name = gaadiidka gargaarka (ambalaas)
service-fire-name = dab-demiska
service-civil_protection-name = difaaca madaniga
service-civil_defence-name = difaaca madaniga
service-tourist_police-name = booliiska dalxiiska
service-coast_guard-name = ilaalada xeebaha
service-migrant_helpline-name = khadka caawinta muhaajiriinta
service-alarm_phone-name = Alarm Phone

## Words that work at any step

help-handoff = Qof kooxdayada ka mid ah ayaa halkan kaaga jawaabi doona sida ugu dhakhsaha badan. Wada-sheekeysigan furan u daa haddii ay ammaan tahay.
restart-done = Waxaan dib uga bilaabaynaa bilowga.
erase-confirm = Ma rabtaa inaan tirtirno wax kasta oo aad noo sheegtay? Dib looma soo celin karo.
erase-yes = Haa, tirtir
erase-no = Maya, hay
erase-done = Wax kasta oo aad noo sheegtay waa la tirtiray. Fadlan wada-sheekeysigan sidoo kale ka tirtir taleefankaaga.
erase-cancelled = Waxba lama tirtirin. Waan sii wadaynaa.

## When we do not understand

reask-choice = Fadlan taabo mid ka mid ah jawaabaha, ama qor lambarkiisa.
reask-number = Fadlan qor tiro, tusaale ahaan 3.
reask-text = Fadlan qor jawaab gaaban.
offer-human = Ma aanan fahmin. Qof kooxdayada ka mid ah ayaa akhrin doona farriintaada oo kuu jawaabi doona.
menu-button = Jawaabaha
numbered-hint = Qor lambarka jawaabtaada.

## Other messages

voice-note = Ma dhageysan karno farriimaha codka, laakiin qof kooxdayada ka mid ah ayaa dhageysan doona. Su'aashan, fadlan taabo jawaab ama qor.
media-received = Mahadsanid, waan helnay faylkaaga. Qof kooxdayada ka mid ah ayaa arki doona.
unsupported-message = Ma akhrin karno farriin noocan ah. Fadlan qoraal noo soo qor.
flood-notice = Farriimo badan ayaad si degdeg ah u soo dirtay. Dhammaan waan helnay. Fadlan sug jawaab.
received-ack = Waan helnay farriintaada. Qof kooxdayada ka mid ah ayaa akhrin doona.
handback-done = Kooxdayadu hadda way dhammeysay. Wakhti kasta waad noo soo qori kartaa haddii aad caawimo u baahato.
handback-resume = Waan sii wadaynaa su'aalaha.
reminder = Weli ma joogtaa? Jawaab oo keliya marka ay ammaan tahay.
conversation-expired = Wada-sheekeysigan waa la xiray. Wakhti kasta mar kale waad noo soo qori kartaa.

## Canned replies for caseworkers (flows/replies.yaml)

canned-received = Waan helnay farriintaada. Qof kooxdayada ka mid ah ayaa hadda akhrinaya.
canned-safe-to-talk = Hadda ma kuu ammaan tahay inaad hadasho? Ku jawaab haa ama maya.
canned-send-location = Marka ay ammaan tahay, fadlan noo soo dir goobtaada (location).
canned-contacting-embassy = Waxaan la xiriiraynaa safaaradda ku saabsan kiiskaaga.
canned-stay-put = Haddii ay ammaan tahay, joog meesha aad joogto. Mar kale ayaan kuu soo qori doonnaa.
canned-how-many = Immisa qof ayaa kula jooga?
canned-delete-chat = Xusuusnow inaad tirtirto wada-sheekeysigan haddii qof kale akhrin karo taleefankaaga.
canned-call-later = Dhowaan ayaan mar kale kuu soo qori doonnaa.

## Added for the engine

# Doorasho ku jirta "Waxaa jira meelo badan oo la yiraahdo Tripoli": meesha iyo dalkeeda.
location-option = { $place }, { $country }
location-other = Meel kale
safety-at_sea = Badda dhexdeeda
safety-in_desert = Lamadegaanka
sea-call-now = Haddii aad awoodaan, hadda waca ilaalada xeebaha ama lambarka gurmadka degdegga ah. Ma nihin adeeg gurmad degdeg ah, laakiin qof kooxdayada ka mid ah ayaa akhrin doona farriintan.
sea-position-prompt = Noo soo dira goobtiinna: la wadaaga location, ama qora. Taleefanka Thuraya: Menu, GPS Manager, Current position.
sea-people-prompt = Immisa qof ayaad tihiin? Qora tiro.
sea-condition-prompt = Dadku sidee bay u wada yihiin? Noo qora biyaha, dhaawacyada, iyo xaaladda doonta ama baabuurka.

# The default flow's sea and desert paths (flows/distress.yaml). Draft: needs review by a native speaker.
sea_people-prompt = Immisa qof ayaad doonta ku jirtaan, adiga oo ku jira? Qora tiro, iyo haddii ay jiraan carruur, haween ama dhaawac.
sea_condition-prompt = Doontu sidee tahay? Dooro, ama qora: biyo soo galaya, matoor, shidaal, biyo la cabbo.
sea_condition-taking_water = Biyo ayaa soo galaya
sea_condition-engine_stopped = Matoor ma shaqeeyo
sea_condition-no_fuel = Shidaal ma jiro
sea_condition-no_drinking_water = Biyo cabbid ma jiro
sea_boat-prompt = Sharax doonta: caag ama alwaax, midabkeeda, cabbirkeeda.
desert-call-now = Haddii aad awoodaan, hadda waca lambarka gurmadka degdegga ah. Ma nihin adeeg gurmad degdeg ah, laakiin qof kooxdayada ka mid ah ayaa akhrin doona farriintan. Wada joogsada, meel hadh ah haddii aad awoodaan.
desert_position-prompt = Noo soo dira goobtiinna: la wadaaga location, ama qora meesha, waddada ama xadka ugu dhow.
desert_water-prompt = Biyo ma haysaan?
desert_water-none = Biyo ma hayno
desert_water-little = Wax yar
desert_water-enough = Way ku filan yihiin
desert_people-prompt = Immisa qof ayaad tihiin, adiga oo ku jira? Qora tiro, iyo haddii ay jiraan carruur, haween ama dhaawac.
desert_direction-prompt = Xaggee laydinka tagay, oo jihadee baad u socotaan? Muddo intee le'eg?
position-updates = Haddii aad awoodaan, goobtiinna mar kale soo dira 30-kii daqiiqaba: la wadaaga location, ama qora lambarada GPS-ka. Kaydiya batariga.

## Saying back what we understood

answer-noted = Waan qornay: { $answer }. Si aad u beddesho, qor BEDDEL.
confirm-prompt = Ma waxaad ula jeeddaa: { $answer }?
confirm-other = Maya, wax kale

## flow: danger path, caseworker questions, consent to share

people-with-prompt = Immisa qof ayaa kula jooga oo isla xaaladdaada ku jira? Qor tiro (1 haddii aad keligaa tahay). Haddii ay jiraan carruur ama dad dhaawacan, taas sidoo kale qor.
nationality-prompt = Dhalashadaadu waa maxay? Su'aashan waad ka boodi kartaa.
safe_to_call-prompt = Ma nabad baa inaan annagu marka hore ku soo wacno ama kuu soo qorno, goorma? Haa dheh keliya haddii ay nabad tahay.
safe_to_call-anytime = Haa, wakhti kasta
safe_to_call-daytime = Haa, maalintii
safe_to_call-never = Maya, marnaba
phone_private-prompt = Taleefankan ma adiga oo keliya baa leh, mise qof kale ayaa akhrin kara?
phone_private-mine = Aniga oo keliya
phone_private-shared = Waan la wadaagaa dad kale
phone_private-watched = Qof ayaa akhriya
injured-prompt = Adiga ama qof kula jooga ma dhaawac baa qaba ama dhakhtar ma u baahan yahay?
injured-yes = Haa
injured-no = Maya
children-prompt = Ma jiraan carruur kula jooga?
children-yes = Haa
children-no = Maya
wages-prompt = Ma lagu siiyaa mushahar shaqadaada?
wages-paid = Haa, waa la i siiyaa
wages-partly = Qayb keliya
wages-unpaid = Lama i siiyo
debt-prompt = Ma lacag baad ku leedahay wakiil, shirkad shaqo-raadin ama shaqo-bixiyahaaga?
debt-yes = Haa
debt-no = Maya
debt-unsure = Ma garanayo
threats-prompt = Qof ma ku hanjabaad ku sameeyay adiga ama qoyskaaga?
threats-yes = Haa
threats-no = Maya
wants-prompt = Maxaad hadda ugu badan rabtaa?
wants-go_home = Dalkayga ku noqo
wants-leave_employer = Ka tag shaqada
wants-information = Macluumaad
handover-prompt = Mahadsanid. Lambarka kiiskaagu waa { $case }. Qof kooxdayada ka mid ah ayaa halkan kuu soo qori doona; hadda wax kale kuma weydiinayno. Wada-sheekeysigan fur haddii ay nabad tahay. Si aad wax ugu darto, kaliya qor.
share-embassy-prompt = Ma la xiriiri karnaa safaaradda dalkaaga ee ku saabsan kiiskaaga? Waxba ma samayn doonno haa la'aantaa. Dadka qaarkood, la xiriirka safaaradooda wuu khatar noqon karaa: maya dheh haddii aadan hubin.
share-yes = Haa, waad kartaan
share-no = Maya, ha samaynina
share-answer-given = Mahadsanid, waxaan qornay haa-daada.
share-answer-refused = Mahadsanid, lalama xiriiri doonno. Wakhti kasta waad beddeli kartaa go'aankaaga.

## The phone simulator (it shows what WhatsApp shows on the person's phone)

simulator-send-location = 📍 Dir goobta
