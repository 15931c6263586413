# Sauti — መልእኽትታት ብትግርኛ።
# Drafted by the Sauti developers (translated from locales/en/bot.ftl).
# Needs review by a native speaker before use (Tigrinya is the least certain draft).
# Same ids and variables as English (`sauti locales check`). Short sentences, plain words;
# never promise rescue. Uses the polite plural (ንስኹም).

## Language

language-name = ትግርኛ
language-prompt = ቋንቋኹም ምረጹ። "ቋንቋ" ብምጽሓፍ ኣብ ዝኾነ ግዜ ክትቕይርዎ ትኽእሉ ኢኹም።
language-menu-button = ቋንቋታት
language-switched = ብትግርኛ ክንጽሕፈልኩም ኢና።

## Consent and information (shown before any question)

consent-prompt =
    እዚ ዕላል ብ{ $org } እዩ ዝመሓደር። ንሱ ኣብ ወጻኢ ሃገር ኣብ ሓደጋ ንዘለዉ ሰባት ዝሕግዝ ጉጅለ እዩ። ንሕና ፖሊስ ኣይኮንናን፣ ናይ ህጹጽ ረድኤት ኣገልግሎት እውን ኣይኮንናን።
    ሓደ ካብ ጉጅለና ዝጸሓፍኩምዎ የንብብ። ን{ $days } መዓልታት ንሕዞ፣ ድሕሪኡ ንድምስሶ።
    እቶም ፈለማ መልስታት ኣውቶማቲክ እዮም። ቁጽሪ ተሌፎንኩም፣ ዝነገርኩምና ቦታን መልእኽትታትኩምን ንሕዝ። ቅድም ከይሓተትናኹም ንኤምባሲ፣ ንፖሊስ ወይ ንዝኾነ ኤጀንሲ ዋላ ሓንቲ ኣይነካፍልን።
    ኩሉ ንምድምሳስ ኣብ ዝኾነ ግዜ "ደምስስ" ጽሓፉ። ካልእ ሰብ ተሌፎንኩም ክርኢ ዝኽእል እንተኾይኑ እዚ ዕላል ደምስስዎ።
    ክንቕጽል ትሰማምዑ ዶ?
consent-yes = እወ፣ ንቕጽል
consent-no = ኣይፋል
consent-declined = ንርደኣኩም ኢና፤ ካብዚ ዕላል ዋላ ሓንቲ ኣይንሕዝን። ሕጂ ኣብ ሓደጋ እንተሃሊኹም ኣብ ኤውሮጳ 112 ደውሉ፣ ወይ ናይ ህጹጽ ቁጽሪ ናይቲ ዘለኹምዎ ሃገር{ $hotline ->
        [0] {""}
       *[other] ፣ ወይ መስመርና { $hotline }
    }። ንምምላስ ኣብ ዝኾነ ግዜ ደጊምኩም ጽሓፉልና።

## Questions of the default flow

safety-prompt = ሕጂ ኣብ ሓደጋ ዶ ኣለኹም?
safety-danger_now = ሕጂ ኣብ ሓደጋ እየ
safety-not_safe = ውሑስ ኣይኮንኩን
safety-safe = ሕጂ ደሓን እየ

location-prompt = ሕጂ ኣበይ ኣለኹም? ዘለኹምዎ ቦታ (location) ስደዱ፣ ወይ ናይቲ ከተማ ወይ ቦታ ስም ጽሓፉ።
location-found = የቐንየልና። መዝጊብናዮ ኣለና፦ { $place }፣ { $country }።
location-near = የቐንየልና። ኣብ ጥቓ { $place }፣ { $country } ኣለኹም (ኣስታት { $km } ኪ.ሜ.)።
location-ambiguous = "{ $name }" ዝበሃል ልዕሊ ሓደ ቦታ ኣሎ። ኣየናይ?
location-unknown = የቐንየልና። "{ $name }" ኣብ ካርታና ኣይረኸብናዮን፣ ግን መዝጊብናዮ ኣለና። ሓደ ካብ ጉጅለና ተወሳኺ ክሓተኩም እዩ።
location-reask = በጃኹም ዘለኹምዎ ቦታ (location) ስደዱ፣ ወይ ናይቲ ከተማ ወይ ቦታ ስም ጽሓፉ። እንተዘይፈለጥኩም፣ ኣይፈልጥን ኢልኩም ጽሓፉ።
location-dont-know = ጸገም የለን። ኣበይ ከም ዘለኹም ከም ዘይትፈልጡ መዝጊብና። ሓደ ካብ ጉጅለና ክትፈልጡ ክሕግዘኩም እዩ።
location-situation = የቐንየልና። መዝጊብናዮ ኣለና፦ { $situation }።
location-at-sea = የቐንየልና። ዘለኹምዎ ቦታ ኣብ ባሕሪ እዩ፣ ካብ ገምገም { $country } ኣስታት { $km } ኪ.ሜ.። መዝጊብናዮ።
location-remote = የቐንየልና። ዘለኹምዎ ቦታ ኣብ { $country } መዝጊብናዮ፣ ካብ እንፈልጣ ዝቐረበት ከተማ ኣስታት { $km } ኪ.ሜ.።
location-country = የቐንየልና። መዝጊብናዮ ኣለና፦ { $country }።
location-town-prompt = ኣብ ኣየናይ ከተማ ወይ ቦታ? ክትብሉ እንተዘይደሊኹም ሕለፍ ጠውቑ።
location-confirm = { $place }፣ { $country }፦ ኣብኡ ዲኹም ዘለኹም?
location-yes = እወ
situation-at_sea-name = ኣብ ባሕሪ
situation-in_desert-name = ኣብ በረኻ
situation-in_vehicle-name = ኣብ መኪና
situation-detained-name = ኣብ ማእሰርቲ

passport-prompt = ሕጂ ፓስፖርትኩም ኣብ መን ኣሎ?
passport-with_me = ምሳይ ኣሎ
passport-held_by_employer = ኣስራሒየይ
passport-held_by_agent = ኤጀንሲ ወይ ደላላይ
passport-held_by_authorities = ፖሊስ ወይ ሰበ ስልጣን
passport-lost = ጠፊኡ ወይ ተሰሪቑ
passport-never_had = ፈጺሙ ኣይነበረንን

free_to_leave-prompt = ካብ ዘለኹምዎ ቦታ ኣብ ዝደለኹምዎ ግዜ ክትወጹ ትኽእሉ ዶ?
free_to_leave-yes = እወ
free_to_leave-no = ኣይፋል
free_to_leave-unsure = ኣይፈልጥን

people-prompt = ንዓኹም ሓዊስኩም ኣብ ተመሳሳሊ ኩነታት ክንደይ ሰባት ኣለዉ? ቁጽሪ ጽሓፉ፤ በይንኹም እንተኾንኩም 1 ጽሓፉ።

## Optional questions (a person can skip them)

agency-prompt = ናብዚ ስራሕ ዘምጽኣኩም ኤጀንሲ ወይ ሰብ ስሙ መን እዩ? እንተዘይፈሊጥኩም "ሕለፍ" ጽሓፉ።
employer_town-prompt = ኣስራሒኹም ኣብ ኣየናይ ከተማ ወይ ከባቢ እዩ ዝነብር? እንተዘይፈሊጥኩም "ሕለፍ" ጽሓፉ።
others-prompt = ኣብቲ ሓደ ገዛ ወይ ቦታ ስራሕ ኣብ ተመሳሳሊ ኩነታት ዘለዉ ካልኦት ሰባት ኣለዉ ዶ?
others-yes = እወ
others-no = ኣይፋል
others-unsure = ኣይፈልጥን
option-skip = ሕለፍ

## Safe contact (the bot never writes first unless the person says it is safe)

contact-prompt = ደሓር ንሕና ቀዲምና ክንጽሕፈልኩም ንኽእል ዶ? ንኣብነት ብዛዕባ ጉዳይኩም ሓበሬታ ንምሃብ። ንዓኹም ውሑስ እንተኾይኑ ጥራይ እወ በሉ።
contact-anytime = እወ፣ ኣብ ዝኾነ ግዜ
contact-daytime = እወ፣ ቀትሪ ጥራይ
contact-never = ኣይፋል፣ ፈጺሙ

## After the questions

done-prompt =
    የቐንየልና። ቁጽሪ ጉዳይኩም { $case } እዩ።
    ሓደ ካብ ጉጅለና መልስታትኩም ኣንቢቡ ኣብዚ ክጽሕፈልኩም እዩ። መዓስ ምዃኑ ክንነግረኩም ኣይንኽእልን፣ እንታይ ከም ዝኸውን ድማ ቃል ክንኣትወልኩም ኣይንኽእልን።
    ሕጂ ምስ ሰብ ክትዛረቡ እንተደሊኹም "ሓገዝ" ጽሓፉ።
urgent-opened = ጉዳይኩም ህጹጽ ተባሂሉ ተመዝጊቡ ኣሎ። ሓደ ካብ ጉጅለና ምስ ተረኽበ ክርእዮ እዩ፤ መዓስ ምዃኑ ክንዛረብ ኣይንኽእልን። እንተኽኢልኩም እዚ ዕላል ክፉት ግደፍዎ።
emergency-number =
    ኣብ { $country } ጉጅለና ዘረጋገጾም ቁጽርታት፦
    { $numbers }
emergency-none = ኣብ { $country } ዘረጋገጽናዮ ቁጽሪ ህጹጽ ረድኤት ገና የብልናን። ጉጅለና ዘረጋገጾም ቁጽርታት ጥራይ ኢና ንህብ።
emergency-unknown-country = ሕጂ ኣብ ሓደጋ እንተሃሊኹም፣ እንተኽኢልኩም ናብ ቁጽሪ ህጹጽ ረድኤት ናይታ ሃገር ደውሉ።
emergency-number-sea =
    ኣብ ባሕሪ፣ ጉጅለና ዘረጋገጾም ቁጽርታት፦
    { $numbers }
emergency-none-sea = ንዘለኹምዎ ቦታ ዘረጋገጽናዮ ቁጽሪ ሓለውቲ ገምገም ባሕሪ ገና የብልናን። ሓደ ካብ ጉጅለና መልእኽትታትኩም ከንብቦ እዩ።
emergency-hotline = ናብ ጉጅለና ክትድውሉ ትኽእሉ ኢኹም፦ { $hotline }
risk-police_may_detain_migrants-why = ኣብዚ ፖሊስ ሰነድ ዘይብሎም ሰባት ክኣስር ይኽእል እዩ፣ ስለዚ ካልኦት ኣገልግሎታት ቅድም ተጻሒፎም።
risk-not_a_rescue_service-why = Alarm Phone መስመር ወለንተኛታት እዩ፣ ኣገልግሎት ህጹጽ ረድኤት ኣይኮነን፦ እንተኽኢልኩም ቅድም ናብ ሓለውቲ ገምገም ባሕሪ ደውሉ።
# The services named before each number (flows/emergency_numbers.yaml `service`).
service-general-name = ህጹጽ ረድኤት
service-police-name = ፖሊስ
service-gendarmerie-name = ጀንዳርመሪ
service-national_guard-name = ሃገራዊ ሓለዋ
service-ambulance-name = ኣምቡላንስ
service-fire-name = ሓዊ ጠፋኢ
service-civil_protection-name = ሲቪል ምክልኻል
service-civil_defence-name = ሲቪል ምክልኻል
service-tourist_police-name = ፖሊስ ቱሪዝም
service-coast_guard-name = ሓለውቲ ገምገም ባሕሪ
service-migrant_helpline-name = መስመር ሓገዝ ስደተኛታት
service-alarm_phone-name = Alarm Phone

## Words that work at any step

help-handoff = ሓደ ካብ ጉጅለና ብዝተኻእለ መጠን ቀልጢፉ ኣብዚ ክምልሰልኩም እዩ። ውሑስ እንተኾይኑ እዚ ዕላል ክፉት ግደፍዎ።
restart-done = ካብ መጀመርታ ደጊምና ንጅምር።
erase-confirm = ዝነገርኩምና ኩሉ ክንድምስሶ ትደልዩ ዶ? ድሕሪኡ ክምለስ ኣይክእልን እዩ።
erase-yes = እወ፣ ደምስሱ
erase-no = ኣይፋል፣ ሓዝዎ
erase-done = ዝነገርኩምና ኩሉ ተደምሲሱ ኣሎ። በጃኹም እዚ ዕላል ካብ ተሌፎንኩም እውን ደምስስዎ።
erase-cancelled = ዋላ ሓንቲ ኣይተደምሰሰን። ንቕጽል።

## When we do not understand

reask-choice = በጃኹም ሓደ ካብቶም መልስታት ጠውቑ፣ ወይ ቁጽሩ ጽሓፉ።
reask-number = በጃኹም ቁጽሪ ጽሓፉ፣ ንኣብነት 3።
reask-text = በጃኹም ሓጺር መልሲ ጽሓፉ።
offer-human = ኣይተረድኣናን። ሓደ ካብ ጉጅለና መልእኽትኹም ኣንቢቡ ክምልሰልኩም እዩ።
menu-button = መልስታት
numbered-hint = ቁጽሪ መልስኹም ጽሓፉ።

## Other messages

voice-note = ናይ ድምጺ መልእኽቲ ክንሰምዕ ኣይንኽእልን፣ ግን ሓደ ካብ ጉጅለና ክሰምዖ እዩ። ነዚ ሕቶ በጃኹም መልሲ ጠውቑ ወይ ጽሓፉ።
media-received = የቐንየልና፣ ፋይልኩም በጺሑና። ሓደ ካብ ጉጅለና ክርእዮ እዩ።
unsupported-message = ከምዚ ዓይነት መልእኽቲ ከነንብቦ ኣይንኽእልን። በጃኹም ብጽሑፍ ጽሓፉ።
flood-notice = ብዙሕ መልእኽትታት ብቕልጡፍ ሰዲድኩም። ኩሎም በጺሖምና። በጃኹም መልሲ ተጸበዩ።
received-ack = መልእኽትኹም በጺሑና። ሓደ ካብ ጉጅለና ከንብቦ እዩ።
handback-done = ጉጅለና ሕጂ ወዲኡ ኣሎ። ሓገዝ እንተደሊኹም ኣብ ዝኾነ ግዜ ክትጽሕፉልና ትኽእሉ ኢኹም።
handback-resume = ሕቶታት ንቕጽል።
reminder = ገና ኣለኹም ዶ? ውሑስ ክኸውን ከሎ ጥራይ መልሱ።
conversation-expired = እዚ ዕላል ተዓጺዩ ኣሎ። ኣብ ዝኾነ ግዜ ደጊምኩም ክትጽሕፉልና ትኽእሉ ኢኹም።

## Canned replies for caseworkers (flows/replies.yaml)

canned-received = መልእኽትኹም በጺሑና። ሓደ ካብ ጉጅለና የንብቦ ኣሎ።
canned-safe-to-talk = ሕጂ ምዝራብ ንዓኹም ውሑስ ድዩ? እወ ወይ ኣይፋል ኢልኩም መልሱ።
canned-send-location = ውሑስ ክኸውን ከሎ፣ በጃኹም ዘለኹምዎ ቦታ (location) ስደዱልና።
canned-contacting-embassy = ብዛዕባ ጉዳይኩም ምስ ኤምባሲ ንራኸብ ኣለና።
canned-stay-put = ውሑስ እንተኾይኑ ኣብ ዘለኹምዎ ጽንሑ። ደጊምና ክንጽሕፈልኩም ኢና።
canned-how-many = ምሳኹም ክንደይ ሰባት ኣለዉ?
canned-delete-chat = ካልእ ሰብ ተሌፎንኩም ክርኢ ዝኽእል እንተኾይኑ እዚ ዕላል ምድምሳስ ኣይትረስዑ።
canned-call-later = ቀልጢፍና ደጊምና ክንጽሕፈልኩም ኢና።

## Added for the engine

# ኣብ "ልዕሊ ሓደ ትሪፖሊ ኣሎ" ዘሎ ምርጫ፦ እቲ ቦታን ሃገሩን።
location-option = { $place }፣ { $country }
location-other = ካልእ ቦታ
safety-at_sea = ኣብ ባሕሪ
safety-in_desert = ኣብ በረኻ
sea-call-now = እንተኽኢልኩም ሕጂ ናብ ሓለውቲ ገምገም ባሕሪ ወይ ናብ ቁጽሪ ህጹጽ ረድኤት ደውሉ። ንሕና ናይ ህጹጽ ረድኤት ኣገልግሎት ኣይኮንናን፣ ግን ሓደ ካብ ጉጅለና እዚ መልእኽቲ ከንብቦ እዩ።
sea-position-prompt = ዘለኹምዎ ቦታ ስደዱ፦ location ኣካፍሉ፣ ወይ ጽሓፍዎ። ኣብ ተሌፎን Thuraya፦ Menu፣ GPS Manager፣ Current position።
sea-people-prompt = ክንደይ ሰባት ኢኹም? ቁጽሪ ጽሓፉ።
sea-condition-prompt = ኩሉ ሰብ ከመይ ኣሎ? ብዛዕባ ማይ፣ ቁሱላት፣ ከምኡ'ውን ብዛዕባ ጀልባ ወይ መኪና ጽሓፉልና።

# The default flow's sea and desert paths (flows/distress.yaml). Draft: needs review by a native speaker.
sea_people-prompt = ኣብ ጀልባ ምሳኹም ክንደይ ሰባት ኢኹም? ቁጽሪ ጽሓፉ፤ ቆልዑ፣ ኣንስቲ ወይ ቁሱላት እንተለዉ ጽሓፉ።
sea_condition-prompt = ጀልባ ከመይ ኣላ? ምረጹ ወይ ጽሓፉ፦ ማይ ይኣቱ፣ ሞተር፣ ነዳዲ፣ ማይ መስተ።
sea_condition-taking_water = ማይ ይኣቱ ኣሎ
sea_condition-engine_stopped = ሞተር ደው ኢሉ
sea_condition-no_fuel = ነዳዲ የለን
sea_condition-no_drinking_water = ማይ መስተ የለን
sea_boat-prompt = ጀልባ ግለጹ፦ ናይ ጎማ ወይ ናይ ዕንጨይቲ፣ ሕብራ፣ ዓቐና።
desert-call-now = እንተኽኢልኩም ሕጂ ናብ ቁጽሪ ህጹጽ ረድኤት ደውሉ። ንሕና ናይ ህጹጽ ረድኤት ኣገልግሎት ኣይኮንናን፣ ግን ሓደ ካብ ጉጅለና እዚ መልእኽቲ ከንብቦ እዩ። ብሓባር ጽንሑ፣ እንተኽኢልኩም ኣብ ጽላል።
desert_position-prompt = ዘለኹምዎ ቦታ ስደዱ፦ location ኣካፍሉ፣ ወይ ዝቐረበ ቦታ፣ መገዲ ወይ ኬላ ዶብ ጽሓፉ።
desert_water-prompt = ማይ ኣለኩም ድዩ?
desert_water-none = ማይ የብልናን
desert_water-little = ቁሩብ
desert_water-enough = ሕጂ ይኣክል
desert_people-prompt = ምሳኹም ክንደይ ሰባት ኢኹም? ቁጽሪ ጽሓፉ፤ ቆልዑ፣ ኣንስቲ ወይ ቁሱላት እንተለዉ ጽሓፉ።
desert_direction-prompt = ኣበይ ገዲፎምኹም፣ ናበየናይ ኣንፈት ትኸዱ ኣለኹም? ንኽንደይ ግዜ?
position-updates = እንተኽኢልኩም ኣብ ነፍሲ ወከፍ 30 ደቒቕ ዘለኹምዎ ቦታ ደጊምኩም ስደዱ፦ location ኣካፍሉ፣ ወይ ቁጽርታት GPS ጽሓፉ። ባትሪ ቆጥቡ።

## Saying back what we understood

answer-noted = ተመዝጊቡ፦ { $answer }። ንምቕያር ቀይር ጽሓፉ።
confirm-prompt = { $answer } ማለትኩም ድዩ?
confirm-other = ኣይፋል፣ ካልእ

## flow: danger path, caseworker questions, consent to share

people-with-prompt = ኣብ ተመሳሳሊ ኩነታት ምሳኹም ክንደይ ሰባት ኣለዉ? ቁጽሪ ጽሓፉ (በይንኹም እንተኾንኩም 1)። ቆልዑ ወይ ዝተጎድኡ ሰባት እንተለዉ፣ ንሱ እውን ጽሓፉ።
nationality-prompt = ዜግነትኩም እንታይ እዩ? ነዚ ሕቶ ክትሓልፍዎ ትኽእሉ ኢኹም።
safe_to_call-prompt = ንሕና ቀዲምና እንተደወልናልኩም ወይ እንተጸሓፍናልኩም ውሑስ ድዩ፣ መዓስ? ውሑስ እንተኾይኑ ጥራይ እወ በሉ።
safe_to_call-anytime = እወ፣ ኣብ ዝኾነ ግዜ
safe_to_call-daytime = እወ፣ ቀትሪ ጥራይ
safe_to_call-never = ኣይፋል፣ ፈጺሙ
phone_private-prompt = እዚ ተሌፎን ናትኩም ጥራይ ድዩ፣ ወይስ ካልእ ሰብ ከንብቦ ይኽእል?
phone_private-mine = ናተይ ጥራይ
phone_private-shared = ምስ ካልኦት ዝካፈሎ
phone_private-watched = ሓደ ሰብ የንብቦ
injured-prompt = ንስኹም ወይ ምሳኹም ዘሎ ሰብ ተጎዲኡ ድዩ ወይ ሓኪም የድልዮ ድዩ?
injured-yes = እወ
injured-no = ኣይፋል
children-prompt = ምሳኹም ቆልዑ ኣለዉ ዶ?
children-yes = እወ
children-no = ኣይፋል
wages-prompt = ብስራሕኩም ይኽፈለኩም ድዩ?
wages-paid = እወ፣ ይኽፈለኒ
wages-partly = ገለ ክፋሉ ጥራይ
wages-unpaid = ኣይክፈለንን
debt-prompt = ንደላላ፣ ንኣካል ቅጽሪ ወይ ንወሃቢ ስራሕኩም ዕዳ ኣለኩም ዶ?
debt-yes = እወ
debt-no = ኣይፋል
debt-unsure = ኣይፈልጥን
threats-prompt = ንዓኹም ወይ ንስድራኹም ዘፈራርሐ ሰብ ኣሎ ዶ?
threats-yes = እወ
threats-no = ኣይፋል
wants-prompt = ሕጂ ልዕሊ ኩሉ እንታይ ትደልዩ?
wants-go_home = ናብ ሃገረይ ምምላስ
wants-leave_employer = ካብ ወሃቢ ስራሐይ ምውጻእ
wants-information = ሓበሬታ
handover-prompt = የቐንየልና። ቁጽሪ ጉዳይኩም { $case } እዩ። ሓደ ሰብ ካብ ጉጅለና ኣብዚ ክጽሕፈልኩም እዩ፤ ሕጂ ካልእ ሕቶ ኣይንሓትን። ውሑስ እንተኾይኑ እዚ ዕላል ክፉት ግደፍዎ። ገለ ክትውስኹ እንተደሊኹም፣ ጽሓፉ ጥራይ።
share-embassy-prompt = ብዛዕባ ጉዳይኩም ምስ ኤምባሲ ሃገርኩም ክንራኸብ ንኽእል ዶ? ብዘይ ፍቓድኩም ዋላ ሓንቲ ኣይንገብርን። ንገሊኦም ሰባት ምስ ኤምባሲኦም ምርኻብ ሓደገኛ ክኸውን ይኽእል፤ ርግጸኛታት እንተዘይኮንኩም ኣይፋል በሉ።
share-yes = እወ፣ ትኽእሉ ኢኹም
share-no = ኣይፋል፣ ኣይትግበሩ
share-answer-given = የቐንየልና፣ እወ ምባልኩም መዝጊብና።
share-answer-refused = የቐንየልና፣ ምስኣቶም ኣይንራኸብን። ኣብ ዝኾነ ግዜ ሓሳብኩም ክትቕይሩ ትኽእሉ ኢኹም።

## The phone simulator (it shows what WhatsApp shows on the person's phone)

simulator-send-location = 📍 ቦታ ስደድ
