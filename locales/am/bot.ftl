# Sauti — መልእክቶች በአማርኛ።
# Drafted by the Sauti developers (translated from locales/en/bot.ftl).
# Needs review by a native speaker before use.
# Same ids and variables as English (`sauti locales check`). Short sentences, plain words;
# never promise rescue. Uses the polite form (እርስዎ), which is the same for women and men.

## Language

language-name = አማርኛ
language-prompt = ቋንቋዎን ይምረጡ። በማንኛውም ጊዜ "ቋንቋ" ብለው በመጻፍ መቀየር ይችላሉ።
language-menu-button = ቋንቋዎች
language-switched = በአማርኛ እንጽፍልዎታለን።

## Consent and information (shown before any question)

consent-prompt =
    ይህን ውይይት የሚያካሂደው { $org } ነው። በውጭ አገር አደጋ ላይ ያሉ ሰዎችን የሚረዳ ቡድን ነው። እኛ ፖሊስ አይደለንም፤ የአደጋ ጊዜ አገልግሎትም አይደለንም።
    የቡድናችን ሠራተኛ የሚጽፉትን ያነባል። ለ{ $days } ቀናት እናስቀምጠዋለን፤ ከዚያ እናጠፋዋለን።
    የመጀመሪያዎቹ መልሶች በራስ-ሰር ናቸው። ስልክ ቁጥርዎን፣ የሚነግሩንን ቦታ እና መልዕክቶችዎን እናስቀምጣለን። መጀመሪያ ሳንጠይቅዎ ለኤምባሲ፣ ለፖሊስ ወይም ለማንኛውም ኤጀንሲ ምንም አናጋራም።
    ሁሉንም ለማጥፋት በማንኛውም ጊዜ "ሰርዝ" ብለው ይጻፉ። ሌላ ሰው ስልክዎን ሊያይ የሚችል ከሆነ ይህን ውይይት ያጥፉ።
    ለመቀጠል ይስማማሉ?
consent-yes = አዎ፣ እንቀጥል
consent-no = አይ
consent-declined = ተረድተናል፤ ከዚህ ውይይት ምንም አናስቀምጥም። አሁን አደጋ ላይ ከሆኑ በአውሮፓ 112 ይደውሉ፣ ወይም ያሉበትን አገር የአደጋ ጊዜ ቁጥር{ $hotline ->
        [0] {""}
       *[other] ፣ ወይም የእኛን መስመር { $hotline }
    }። ለመመለስ በማንኛውም ጊዜ እንደገና ይጻፉልን።

## Questions of the default flow

safety-prompt = አሁን አደጋ ላይ ነዎት?
safety-danger_now = አሁን አደጋ ላይ ነኝ
safety-not_safe = ደህንነት አይሰማኝም
safety-safe = ለጊዜው ደህና ነኝ

location-prompt = አሁን የት ነዎት? ያሉበትን ቦታ (location) ይላኩ፣ ወይም የከተማውን ወይም የቦታውን ስም ይጻፉ።
location-found = እናመሰግናለን። መዝግበናል፦ { $place }፣ { $country }።
location-near = እናመሰግናለን። { $place }፣ { $country } አጠገብ ነዎት (በግምት { $km } ኪ.ሜ. ርቀት)።
location-ambiguous = "{ $name }" የሚባሉ ከአንድ በላይ ቦታዎች አሉ። የትኛው ነው?
location-unknown = እናመሰግናለን። "{ $name }" በካርታችን ላይ አላገኘንም፣ ግን መዝግበነዋል። የቡድናችን ሠራተኛ ተጨማሪ ይጠይቅዎታል።
location-reask = እባክዎ ያሉበትን ቦታ (location) ይላኩ፣ ወይም የከተማውን ወይም የቦታውን ስም ይጻፉ። ካላወቁ፣ አላውቅም ብለው ይጻፉ።
location-dont-know = ችግር የለም። የት እንዳሉ እንደማያውቁ መዝግበናል። የቡድናችን ሠራተኛ እንዲያውቁ ይረዳዎታል።
location-situation = እናመሰግናለን። መዝግበናል፦ { $situation }።
location-at-sea = እናመሰግናለን። ያሉበት ቦታ ባሕር ላይ ነው፣ ከጠረፍ በግምት { $km } ኪ.ሜ. (ቅርብ አገር፦ { $country })። መዝግበነዋል።
location-remote = እናመሰግናለን። ያሉበትን ቦታ መዝግበናል (አገር፦ { $country })፣ ከምናውቀው ቅርብ ከተማ በግምት { $km } ኪ.ሜ.።
location-country = እናመሰግናለን። መዝግበናል፦ { $country }።
location-town-prompt = በየትኛው ከተማ ወይም ቦታ? መናገር ካልፈለጉ እለፍ ይጫኑ።
location-confirm = { $place }፣ { $country }፦ እዚያ ነዎት?
location-yes = አዎ
situation-at_sea-name = ባሕር ላይ
situation-in_desert-name = በረሃ ላይ
situation-in_vehicle-name = መኪና ውስጥ
situation-detained-name = እስር ላይ

passport-prompt = ፓስፖርትዎ አሁን ማን ጋር ነው?
passport-with_me = እኔ ጋር ነው
passport-held_by_employer = አሠሪዬ ጋር
passport-held_by_agent = ኤጀንሲ ወይም ደላላ
passport-held_by_authorities = ፖሊስ ወይም ባለሥልጣናት
passport-lost = ጠፍቷል ወይም ተሰርቋል
passport-never_had = ኖሮኝ አያውቅም

free_to_leave-prompt = ካሉበት ቦታ በፈለጉት ጊዜ መውጣት ይችላሉ?
free_to_leave-yes = አዎ
free_to_leave-no = አይ
free_to_leave-unsure = አላውቅም

people-prompt = እርስዎን ጨምሮ በተመሳሳይ ሁኔታ ውስጥ ስንት ሰዎች አሉ? ቁጥር ይጻፉ፤ ብቻዎን ከሆኑ 1 ይጻፉ።

## Optional questions (a person can skip them)

agency-prompt = ወደዚህ ሥራ ያመጣዎት ኤጀንሲ ወይም ሰው ስሙ ማን ነው? ካላወቁ "እለፍ" ብለው ይጻፉ።
employer_town-prompt = አሠሪዎ የሚኖረው በየትኛው ከተማ ወይም አካባቢ ነው? ካላወቁ "እለፍ" ብለው ይጻፉ።
others-prompt = በዚያው ቤት ወይም የሥራ ቦታ ውስጥ በተመሳሳይ ሁኔታ ያሉ ሌሎች ሰዎች አሉ?
others-yes = አዎ
others-no = አይ
others-unsure = አላውቅም
option-skip = እለፍ

## Safe contact (the bot never writes first unless the person says it is safe)

contact-prompt = በኋላ እኛ ቀድመን ልንጽፍልዎ እንችላለን? ለምሳሌ ስለ ጉዳይዎ ዜና ለመንገር። ለእርስዎ ደህንነቱ የተጠበቀ ከሆነ ብቻ አዎ ይበሉ።
contact-anytime = አዎ፣ በማንኛውም ጊዜ
contact-daytime = አዎ፣ ቀን ቀን ብቻ
contact-never = አይ፣ በጭራሽ

## After the questions

done-prompt =
    እናመሰግናለን። የጉዳይዎ ቁጥር { $case } ነው።
    የቡድናችን ሠራተኛ መልሶችዎን አንብቦ እዚህ ይጽፍልዎታል። መቼ እንደሆነ መናገር አንችልም፤ ምን እንደሚሆንም ቃል መግባት አንችልም።
    አሁን ከሰው ጋር ለመነጋገር "እርዳታ" ብለው ይጻፉ።
urgent-opened = ጉዳይዎ አስቸኳይ ተብሎ ተመዝግቧል። የቡድናችን ሠራተኛ እንደተገኘ ያየዋል፤ መቼ እንደሆነ መናገር አንችልም። ከቻሉ ይህን ውይይት ክፍት ይተዉት።
emergency-number =
    አገር፦ { $country }። ቡድናችን ያረጋገጣቸው ቁጥሮች፦
    { $numbers }
emergency-none = አገር፦ { $country }። ያረጋገጥነው የአደጋ ጊዜ ቁጥር እስካሁን የለንም። የምንሰጠው ቡድናችን ያረጋገጣቸውን ቁጥሮች ብቻ ነው።
emergency-unknown-country = አሁን አደጋ ላይ ከሆኑ፣ ከቻሉ ወደ አገሩ የአደጋ ጊዜ ቁጥር ይደውሉ።
emergency-number-sea =
    ባሕር ላይ፣ ቡድናችን ያረጋገጣቸው ቁጥሮች፦
    { $numbers }
emergency-none-sea = ላሉበት ቦታ ያረጋገጥነው የባሕር ጠረፍ ጠባቂ ቁጥር እስካሁን የለንም። የቡድናችን ሠራተኛ መልእክቶችዎን ያነባል።
emergency-hotline = ወደ ቡድናችን መደወል ይችላሉ፦ { $hotline }
risk-police_may_detain_migrants-why = እዚህ ፖሊስ ሰነድ የሌላቸውን ሰዎች ሊያስር ይችላል፤ ስለዚህ ሌሎቹ አገልግሎቶች ቀድመው ተዘርዝረዋል።
risk-not_a_rescue_service-why = Alarm Phone የበጎ ፈቃደኞች መስመር ነው እንጂ የአደጋ ጊዜ አገልግሎት አይደለም፦ ከቻሉ መጀመሪያ ወደ ባሕር ጠረፍ ጠባቂ ይደውሉ።
# The services named before each number (flows/emergency_numbers.yaml `service`).
service-general-name = አደጋ ጊዜ
service-police-name = ፖሊስ
service-gendarmerie-name = ጀንዳርመሪ
service-national_guard-name = ብሔራዊ ጥበቃ
service-ambulance-name = አምቡላንስ
service-fire-name = እሳት አደጋ
service-civil_protection-name = ሲቪል ጥበቃ
service-civil_defence-name = ሲቪል መከላከያ
service-tourist_police-name = የቱሪስት ፖሊስ
service-coast_guard-name = የባሕር ጠረፍ ጠባቂ
service-migrant_helpline-name = የስደተኞች የእርዳታ መስመር
service-alarm_phone-name = Alarm Phone

## Words that work at any step

help-handoff = የቡድናችን ሠራተኛ በተቻለ ፍጥነት እዚህ ይመልስልዎታል። ደህንነቱ የተጠበቀ ከሆነ ይህን ውይይት ክፍት ይተዉት።
restart-done = ከመጀመሪያው እንደገና እንጀምራለን።
erase-confirm = የነገሩንን ሁሉ እንድናጠፋ ይፈልጋሉ? ከጠፋ በኋላ መመለስ አይቻልም።
erase-yes = አዎ፣ አጥፉ
erase-no = አይ፣ ይቆይ
erase-done = የነገሩን ሁሉ ጠፍቷል። እባክዎ ይህን ውይይት ከስልክዎም ያጥፉ።
erase-cancelled = ምንም አልጠፋም። እንቀጥላለን።

## When we do not understand

reask-choice = እባክዎ ከመልሶቹ አንዱን ይንኩ፣ ወይም ቁጥሩን ይጻፉ።
reask-number = እባክዎ ቁጥር ይጻፉ፣ ለምሳሌ 3።
reask-text = እባክዎ አጭር መልስ ይጻፉ።
offer-human = አልገባንም። የቡድናችን ሠራተኛ መልእክትዎን አንብቦ ይመልስልዎታል።
menu-button = መልሶች
numbered-hint = የመልስዎን ቁጥር ይጻፉ።

## Other messages

voice-note = የድምፅ መልእክት ማዳመጥ አንችልም፣ ግን የቡድናችን ሠራተኛ ያዳምጠዋል። ለዚህ ጥያቄ እባክዎ መልስ ይንኩ ወይም ይጻፉ።
media-received = እናመሰግናለን፣ ፋይልዎ ደርሶናል። የቡድናችን ሠራተኛ ያየዋል።
unsupported-message = ይህን አይነት መልእክት ማንበብ አንችልም። እባክዎ በጽሑፍ ይጻፉ።
flood-notice = ብዙ መልእክቶችን በጣም በፍጥነት ልከዋል። ሁሉም ደርሰውናል። እባክዎ መልስ ይጠብቁ።
received-ack = መልእክትዎ ደርሶናል። የቡድናችን ሠራተኛ ያነበዋል።
handback-done = ቡድናችን ለጊዜው ጨርሷል። እርዳታ ካስፈለገዎት በማንኛውም ጊዜ ሊጽፉልን ይችላሉ።
handback-resume = በጥያቄዎቹ እንቀጥላለን።
reminder = አሁንም አሉ? ደህንነቱ የተጠበቀ ሲሆን ብቻ ይመልሱ።
conversation-expired = ይህ ውይይት ተዘግቷል። በማንኛውም ጊዜ እንደገና ሊጽፉልን ይችላሉ።

## Canned replies for caseworkers (flows/replies.yaml)

canned-received = መልእክትዎ ደርሶናል። የቡድናችን ሠራተኛ እያነበበው ነው።
canned-safe-to-talk = አሁን መነጋገር ለእርስዎ ደህንነቱ የተጠበቀ ነው? አዎ ወይም አይ ብለው ይመልሱ።
canned-send-location = ደህንነቱ የተጠበቀ ሲሆን፣ እባክዎ ያሉበትን ቦታ (location) ይላኩልን።
canned-contacting-embassy = ስለ ጉዳይዎ ኤምባሲውን እያነጋገርን ነው።
canned-stay-put = ደህንነቱ የተጠበቀ ከሆነ ባሉበት ይቆዩ። እንደገና እንጽፍልዎታለን።
canned-how-many = ከእርስዎ ጋር ስንት ሰዎች አሉ?
canned-delete-chat = ሌላ ሰው ስልክዎን ሊያይ የሚችል ከሆነ ይህን ውይይት ማጥፋትዎን አይርሱ።
canned-call-later = በቅርቡ እንደገና እንጽፍልዎታለን።

## Added for the engine

# "ከአንድ በላይ ትሪፖሊ አለ" ውስጥ ያለ ምርጫ፦ ቦታው እና አገሩ።
location-option = { $place }፣ { $country }
location-other = ሌላ ቦታ
safety-at_sea = ባሕር ላይ
safety-in_desert = በረሃ ላይ
sea-call-now = ከቻላችሁ አሁን ወደ ባሕር ጠረፍ ጠባቂ ወይም ወደ አደጋ ጊዜ ቁጥር ደውሉ። እኛ የአደጋ ጊዜ አገልግሎት አይደለንም፣ ግን የቡድናችን ሠራተኛ ይህን መልእክት ያነባል።
sea-position-prompt = ያላችሁበትን ቦታ ላኩ፦ location አጋሩ፣ ወይም ጻፉት። በThuraya ስልክ ላይ፦ Menu፣ GPS Manager፣ Current position።
sea-people-prompt = ስንት ሰዎች ናችሁ? ቁጥር ጻፉ።
sea-condition-prompt = ሁሉም እንዴት ናቸው? ስለ ውሃ፣ ስለ ቁስለኞች፣ እና ስለ ጀልባው ወይም ስለ መኪናው ጻፉልን።

# The default flow's sea and desert paths (flows/distress.yaml). Draft: needs review by a native speaker.
sea_people-prompt = በጀልባው ላይ እናንተን ጨምሮ ስንት ሰዎች ናችሁ? ቁጥር ጻፉ፤ ልጆች፣ ሴቶች ወይም ቁስለኞች ካሉ ጻፉ።
sea_condition-prompt = ጀልባው እንዴት ነው? ምረጡ ወይም ጻፉ፦ ውሃ መግባት፣ ሞተር፣ ነዳጅ፣ የመጠጥ ውሃ።
sea_condition-taking_water = ውሃ እየገባ ነው
sea_condition-engine_stopped = ሞተሩ ቆሟል
sea_condition-no_fuel = ነዳጅ የለም
sea_condition-no_drinking_water = የመጠጥ ውሃ የለም
sea_boat-prompt = ጀልባውን ግለጹ፦ የጎማ ወይም የእንጨት፣ ቀለሙ፣ መጠኑ።
desert-call-now = ከቻላችሁ አሁን ወደ አደጋ ጊዜ ቁጥር ደውሉ። እኛ የአደጋ ጊዜ አገልግሎት አይደለንም፣ ግን የቡድናችን ሠራተኛ ይህን መልእክት ያነባል። አብራችሁ ሁኑ፣ ከቻላችሁ ጥላ ስር።
desert_position-prompt = ያላችሁበትን ቦታ ላኩ፦ location አጋሩ፣ ወይም ቅርብ ያለውን ቦታ፣ መንገድ ወይም የድንበር ኬላ ጻፉ።
desert_water-prompt = ውሃ አላችሁ?
desert_water-none = ውሃ የለንም
desert_water-little = ትንሽ
desert_water-enough = ለአሁን በቂ ነው
desert_people-prompt = እናንተን ጨምሮ ስንት ሰዎች ናችሁ? ቁጥር ጻፉ፤ ልጆች፣ ሴቶች ወይም ቁስለኞች ካሉ ጻፉ።
desert_direction-prompt = የት ተዋችሁ፣ ወደ የትኛው አቅጣጫ እየሄዳችሁ ነው? ለምን ያህል ጊዜ?
position-updates = ከቻላችሁ በየ30 ደቂቃው ያላችሁበትን ቦታ እንደገና ላኩ፦ location አጋሩ፣ ወይም የGPS ቁጥሮችን ጻፉ። ባትሪ ቆጥቡ።

## Saying back what we understood

answer-noted = ተመዝግቧል፦ { $answer }። ለመቀየር ቀይር ብለው ይጻፉ።
confirm-prompt = { $answer } ማለትዎ ነው?
confirm-other = አይ፣ ሌላ ነገር

## flow: danger path, caseworker questions, consent to share

people-with-prompt = በተመሳሳይ ሁኔታ ውስጥ ከእርስዎ ጋር ስንት ሰዎች አሉ? ቁጥር ይጻፉ (ብቻዎን ከሆኑ 1)። ልጆች ወይም የቆሰሉ ሰዎች ካሉ ያንንም ይጻፉ።
nationality-prompt = ዜግነትዎ ምንድን ነው? ይህን ጥያቄ መዝለል ይችላሉ።
safe_to_call-prompt = እኛ ቀድመን ብንደውልልዎ ወይም ብንጽፍልዎ ደህንነቱ የተጠበቀ ነው? መቼ? ደህንነቱ የተጠበቀ ከሆነ ብቻ አዎ ይበሉ።
safe_to_call-anytime = አዎ፣ በማንኛውም ጊዜ
safe_to_call-daytime = አዎ፣ ቀን ቀን ብቻ
safe_to_call-never = አይ፣ በጭራሽ
phone_private-prompt = ይህ ስልክ የእርስዎ ብቻ ነው ወይስ ሌላ ሰው ሊያነበው ይችላል?
phone_private-mine = የእኔ ብቻ
phone_private-shared = ከሌሎች ጋር የምጋራው
phone_private-watched = ሌላ ሰው ያነበዋል
injured-prompt = እርስዎ ወይም ከእርስዎ ጋር ያለ ሰው ቆስሏል ወይም ሐኪም ያስፈልገዋል?
injured-yes = አዎ
injured-no = አይ
children-prompt = ከእርስዎ ጋር ልጆች አሉ?
children-yes = አዎ
children-no = አይ
wages-prompt = ለሥራዎ ይከፈልዎታል?
wages-paid = አዎ፣ ይከፈለኛል
wages-partly = በከፊል ብቻ
wages-unpaid = አይከፈለኝም
debt-prompt = ለደላላ፣ ለቀጣሪ ኤጀንሲ ወይም ለአሰሪዎ ዕዳ አለብዎት?
debt-yes = አዎ
debt-no = አይ
debt-unsure = አላውቅም
threats-prompt = እርስዎን ወይም ቤተሰብዎን ያስፈራራ ሰው አለ?
threats-yes = አዎ
threats-no = አይ
wants-prompt = አሁን ከሁሉም በላይ ምን ይፈልጋሉ?
wants-go_home = ወደ አገሬ መመለስ
wants-leave_employer = አሰሪዬን መልቀቅ
wants-information = መረጃ
handover-prompt = እናመሰግናለን። የጉዳይዎ ቁጥር { $case } ነው። ከቡድናችን አንድ ሰው እዚህ ይጽፍልዎታል፤ አሁን ሌላ ጥያቄ አንጠይቅም። ደህንነቱ የተጠበቀ ከሆነ ይህን ውይይት ክፍት ያድርጉ። የሚጨምሩት ካለ ዝም ብለው ይጻፉ።
share-embassy-prompt = ስለ ጉዳይዎ የአገርዎን ኤምባሲ ልናነጋግር እንችላለን? ያለ እርስዎ ፈቃድ ምንም አናደርግም። ለአንዳንድ ሰዎች ከኤምባሲያቸው ጋር መገናኘት አደገኛ ሊሆን ይችላል፤ እርግጠኛ ካልሆኑ አይ ይበሉ።
share-yes = አዎ፣ ትችላላችሁ
share-no = አይ፣ አታድርጉ
share-answer-given = እናመሰግናለን፣ አዎ ማለትዎን መዝግበናል።
share-answer-refused = እናመሰግናለን፣ አናነጋግራቸውም። በማንኛውም ጊዜ ሐሳብዎን መቀየር ይችላሉ።

## The phone simulator (it shows what WhatsApp shows on the person's phone)

simulator-send-location = 📍 አካባቢ ላክ
