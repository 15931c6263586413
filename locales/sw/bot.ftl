# Sauti — ujumbe kwa Kiswahili.
# Drafted by the Sauti developers (translated from locales/en/bot.ftl).
# Needs review by a native speaker before use.
# Same ids and variables as English (`sauti locales check`). Short sentences, plain words;
# never promise rescue.

## Language

language-name = Kiswahili
language-prompt = Chagua lugha yako. Unaweza kuibadilisha wakati wowote kwa kuandika "lugha".
language-menu-button = Lugha
language-switched = Tutakuandikia kwa Kiswahili.

## Consent and information (shown before any question)

consent-prompt =
    Mazungumzo haya yanaendeshwa na { $org }, kikundi kinachosaidia watu walio hatarini nje ya nchi yao. Sisi si polisi, na si huduma ya dharura.
    Mtu wa timu yetu anasoma unachoandika. Tunakihifadhi kwa siku { $days }, kisha tunakifuta.
    Majibu ya kwanza ni ya kiotomatiki. Tunahifadhi namba yako ya simu, mahali unapotuambia na ujumbe wako. Hatushiriki chochote na ubalozi, polisi au wakala yeyote bila kukuuliza kwanza.
    Andika FUTA wakati wowote ili kufuta kila kitu. Futa mazungumzo haya kama kuna mtu anayeweza kusoma simu yako.
    Unakubali tuendelee?
consent-yes = Ndiyo, endelea
consent-no = Hapana
consent-declined = Tunaelewa: hatuhifadhi chochote cha mazungumzo haya. Kama uko hatarini sasa, piga 112 ukiwa Ulaya, au namba ya dharura ya nchi uliyomo{ $hotline ->
        [0] {""}
       *[other] , au namba yetu { $hotline }
    }. Ili kurudi, tuandikie tena wakati wowote.

## Questions of the default flow

safety-prompt = Uko hatarini sasa hivi?
safety-danger_now = Niko hatarini sasa
safety-not_safe = Siko salama
safety-safe = Niko salama kwa sasa

location-prompt = Uko wapi sasa? Tuma mahali ulipo (location), au andika jina la mji au mahali.
location-found = Asante. Tumeandika: { $place }, { $country }.
location-near = Asante. Uko karibu na { $place }, { $country } (umbali wa km { $km } hivi).
location-ambiguous = Kuna sehemu zaidi ya moja zinazoitwa "{ $name }". Ni ipi?
location-unknown = Asante. Hatukupata "{ $name }" kwenye ramani yetu, lakini tumeliandika. Mtu wa timu yetu atakuuliza zaidi.
location-reask = Tafadhali tuma mahali ulipo, au andika jina la mji au mahali. Kama hujui, andika: sijui.
location-dont-know = Sawa. Tumeandika kwamba hujui uko wapi. Mtu wa timu yetu atakusaidia kujua.
location-situation = Asante. Tumeandika: { $situation }.
location-at-sea = Asante. Uko baharini, umbali wa km { $km } hivi kutoka pwani ya { $country }. Tumeliandika.
location-remote = Asante. Tumeandika mahali ulipo nchini { $country }, umbali wa km { $km } hivi kutoka mji wa karibu tunaoujua.
location-country = Asante. Tumeandika: { $country }.
location-town-prompt = Uko mji gani au mahali gani? Kama hupendi kusema, bonyeza Ruka.
location-confirm = { $place }, { $country }: je, uko hapo?
location-yes = Ndiyo
situation-at_sea-name = baharini
situation-in_desert-name = jangwani
situation-in_vehicle-name = ndani ya gari
situation-detained-name = kizuizini

passport-prompt = Pasipoti yako iko kwa nani sasa?
passport-with_me = Iko kwangu
passport-held_by_employer = Mwajiri wangu
passport-held_by_agent = Wakala
passport-held_by_authorities = Polisi au mamlaka
passport-lost = Imepotea au imeibiwa
passport-never_had = Sijawahi kuwa nayo

free_to_leave-prompt = Unaweza kuondoka mahali ulipo wakati wowote unapotaka?
free_to_leave-yes = Ndiyo
free_to_leave-no = Hapana
free_to_leave-unsure = Sijui

people-prompt = Ni watu wangapi walio katika hali hiyo hiyo, ukijumuisha wewe? Andika namba: 1 kama uko peke yako.

## Optional questions (a person can skip them)

agency-prompt = Jina la wakala au mtu aliyekuleta kwenye kazi hii ni nani? Andika "ruka" kama hujui.
employer_town-prompt = Mwajiri wako anaishi katika mji au eneo gani? Andika "ruka" kama hujui.
others-prompt = Kuna watu wengine katika nyumba hiyo au mahali pa kazi hapo walio katika hali hiyo hiyo?
others-yes = Ndiyo
others-no = Hapana
others-unsure = Sijui
option-skip = Ruka

## Safe contact (the bot never writes first unless the person says it is safe)

contact-prompt = Je, tunaweza kukuandikia sisi kwanza baadaye, kwa mfano kukupa habari za kesi yako? Sema ndiyo tu kama ni salama kwako.
contact-anytime = Ndiyo, wakati wowote
contact-daytime = Ndiyo, mchana tu
contact-never = Hapana, kamwe

## After the questions

done-prompt =
    Asante. Namba ya kesi yako ni { $case }.
    Mtu wa timu yetu atasoma majibu yako na kukuandikia hapa. Hatuwezi kusema ni lini, na hatuwezi kuahidi kitakachotokea.
    Ili kuongea na mtu sasa, andika MSAADA.
urgent-opened = Kesi yako imewekwa alama ya dharura. Mtu wa timu yetu ataiona mara tu mmoja atakapopatikana; hatuwezi kusema ni lini. Kama unaweza, acha mazungumzo haya wazi.
emergency-number =
    Nchini { $country }, namba zilizothibitishwa na timu yetu:
    { $numbers }
emergency-none = Bado hatuna namba ya dharura iliyothibitishwa nchini { $country }. Tunatoa tu namba ambazo timu yetu imethibitisha.
emergency-unknown-country = Kama uko hatarini sasa, piga namba ya dharura ya nchi hiyo kama unaweza.
emergency-number-sea =
    Baharini, namba zilizothibitishwa na timu yetu:
    { $numbers }
emergency-none-sea = Bado hatuna namba iliyothibitishwa ya walinzi wa pwani kwa mahali ulipo. Mtu wa timu yetu atasoma ujumbe wako.
emergency-hotline = Unaweza kupiga simu kwa timu yetu: { $hotline }
risk-police_may_detain_migrants-why = Polisi hapa wanaweza kuwakamata watu wasio na vibali, kwa hiyo huduma nyingine zinatangulia.
risk-not_a_rescue_service-why = Alarm Phone ni simu ya watu wa kujitolea, si huduma ya dharura: piga kwanza walinzi wa pwani kama unaweza.
# The services named before each number (flows/emergency_numbers.yaml `service`).
service-general-name = dharura
service-police-name = polisi
service-gendarmerie-name = jandarmu
service-national_guard-name = walinzi wa taifa
service-ambulance-name = gari la wagonjwa
service-fire-name = zimamoto
service-civil_protection-name = ulinzi wa raia
service-civil_defence-name = ulinzi wa raia
service-tourist_police-name = polisi wa utalii
service-coast_guard-name = walinzi wa pwani
service-migrant_helpline-name = simu ya msaada kwa wahamiaji
service-alarm_phone-name = Alarm Phone

## Words that work at any step

help-handoff = Mtu wa timu yetu atakujibu hapa haraka iwezekanavyo. Acha mazungumzo haya wazi kama ni salama.
restart-done = Tunaanza tena kutoka mwanzo.
erase-confirm = Unataka tufute kila kitu ulichotuambia? Hatutaweza kukirudisha.
erase-yes = Ndiyo, futa
erase-no = Hapana, usifute
erase-done = Kila kitu ulichotuambia kimefutwa. Tafadhali futa pia mazungumzo haya kwenye simu yako.
erase-cancelled = Hakuna kilichofutwa. Tunaendelea.

## When we do not understand

reask-choice = Tafadhali gusa mojawapo ya majibu, au andika namba yake.
reask-number = Tafadhali andika namba, kwa mfano 3.
reask-text = Tafadhali andika jibu fupi.
offer-human = Hatukuelewa. Mtu wa timu yetu atasoma ujumbe huu na kukujibu.
menu-button = Majibu
numbered-hint = Andika namba ya jibu lako.

## Other messages

voice-note = Hatuwezi kusikiliza ujumbe wa sauti, lakini mtu wa timu yetu atausikiliza. Kwa swali hili, tafadhali gusa jibu au andika.
media-received = Asante, tumepokea faili lako. Mtu wa timu yetu ataliona.
unsupported-message = Hatuwezi kusoma aina hii ya ujumbe. Tafadhali andika maneno.
flood-notice = Umetuma ujumbe mwingi haraka sana. Tumeupata wote. Tafadhali subiri jibu.
received-ack = Tumepokea ujumbe wako. Mtu wa timu yetu atausoma.
handback-done = Timu yetu imemaliza kwa sasa. Unaweza kutuandikia wakati wowote ukihitaji msaada.
handback-resume = Tunaendelea na maswali.
reminder = Bado uko hapo? Jibu tu wakati ni salama.
conversation-expired = Mazungumzo haya yamefungwa. Unaweza kutuandikia tena wakati wowote.

## Canned replies for caseworkers (flows/replies.yaml)

canned-received = Tumepokea ujumbe wako. Mtu wa timu yetu anausoma.
canned-safe-to-talk = Je, ni salama kuongea sasa? Jibu ndiyo au hapana.
canned-send-location = Wakati ni salama, tafadhali tutumie mahali ulipo (location).
canned-contacting-embassy = Tunawasiliana na ubalozi kuhusu kesi yako.
canned-stay-put = Kama ni salama, kaa hapo ulipo. Tutakuandikia tena.
canned-how-many = Uko na watu wangapi?
canned-delete-chat = Kumbuka kufuta mazungumzo haya kama kuna mtu anayeweza kusoma simu yako.
canned-call-later = Tutakuandikia tena hivi karibuni.

## Added for the engine

# Chaguo katika "Kuna mahali zaidi ya pamoja panapoitwa Tripoli": mahali na nchi yake.
location-option = { $place }, { $country }
location-other = Mahali pengine
safety-at_sea = Baharini
safety-in_desert = Jangwani
sea-call-now = Kama mnaweza, pigeni simu sasa kwa walinzi wa pwani au namba ya dharura. Sisi si huduma ya dharura, lakini mtu wa timu yetu atasoma ujumbe huu.
sea-position-prompt = Tumeni mahali mlipo: shirikisheni location, au iandikeni. Kwenye simu ya Thuraya: Menu, GPS Manager, Current position.
sea-people-prompt = Mko watu wangapi? Andikeni namba.
sea-condition-prompt = Watu wote wako hali gani? Tuandikieni kuhusu maji, majeraha, na hali ya boti au gari.

# The default flow's sea and desert paths (flows/distress.yaml). Draft: needs review by a native speaker.
sea_people-prompt = Mko watu wangapi kwenye boti, pamoja nawe? Andikeni namba, na kama kuna watoto, wanawake au majeruhi.
sea_condition-prompt = Boti iko hali gani? Chagueni, au andikeni: maji yanaingia, injini, mafuta, maji ya kunywa.
sea_condition-taking_water = Maji yanaingia
sea_condition-engine_stopped = Injini imezimika
sea_condition-no_fuel = Hakuna mafuta
sea_condition-no_drinking_water = Hakuna maji kunywa
sea_boat-prompt = Elezeni boti: ya mpira au ya mbao, rangi yake, ukubwa wake.
desert-call-now = Kama mnaweza, pigeni simu sasa kwa namba ya dharura. Sisi si huduma ya dharura, lakini mtu wa timu yetu atasoma ujumbe huu. Kaeni pamoja, kivulini kama mnaweza.
desert_position-prompt = Tumeni mahali mlipo: shirikisheni location, au andikeni mahali, barabara au kituo cha mpaka kilicho karibu.
desert_water-prompt = Mna maji?
desert_water-none = Hatuna maji
desert_water-little = Kidogo
desert_water-enough = Yanatosha kwa sasa
desert_people-prompt = Mko watu wangapi, pamoja nawe? Andikeni namba, na kama kuna watoto, wanawake au majeruhi.
desert_direction-prompt = Mliachwa wapi, na mnatembea kuelekea wapi? Kwa muda gani?
position-updates = Kama mnaweza, tumeni mahali mlipo tena kila dakika 30: shirikisheni location, au andikeni namba za GPS. Tunzeni betri.

## Saying back what we understood

answer-noted = Tumeandika: { $answer }. Kubadilisha, andika BADILI.
confirm-prompt = Ulimaanisha: { $answer }?
confirm-other = Hapana, kitu kingine

## flow: danger path, caseworker questions, consent to share

people-with-prompt = Kuna watu wangapi pamoja nawe walio katika hali hiyo hiyo? Andika namba (1 kama uko peke yako). Kama kuna watoto au majeruhi, liandike pia.
nationality-prompt = Uraia wako ni wa nchi gani? Unaweza kuruka swali hili.
safe_to_call-prompt = Je, ni salama tukupigie simu au tukuandikie sisi kwanza, na lini? Sema ndiyo tu kama ni salama.
safe_to_call-anytime = Ndiyo, wakati wowote
safe_to_call-daytime = Ndiyo, mchana tu
safe_to_call-never = Hapana, kamwe
phone_private-prompt = Je, simu hii ni yako peke yako, au mtu mwingine anaweza kuisoma?
phone_private-mine = Ni yangu tu
phone_private-shared = Ninashiriki na wengine
phone_private-watched = Mtu huisoma
injured-prompt = Je, wewe au mtu aliye nawe ameumia au anahitaji daktari?
injured-yes = Ndiyo
injured-no = Hapana
children-prompt = Je, kuna watoto pamoja nawe?
children-yes = Ndiyo
children-no = Hapana
wages-prompt = Je, unalipwa kwa kazi yako?
wages-paid = Ndiyo, nalipwa
wages-partly = Sehemu tu
wages-unpaid = Sijalipwa
debt-prompt = Je, unadaiwa pesa na wakala, mwajiri au anayekutafutia kazi?
debt-yes = Ndiyo
debt-no = Hapana
debt-unsure = Sijui
threats-prompt = Je, kuna mtu aliyekutishia wewe au familia yako?
threats-yes = Ndiyo
threats-no = Hapana
wants-prompt = Unataka nini zaidi sasa?
wants-go_home = Kurudi nyumbani
wants-leave_employer = Kuacha mwajiri
wants-information = Taarifa
handover-prompt = Asante. Namba ya kesi yako ni { $case }. Mtu wa timu yetu atakuandikia hapa; hatuulizi kitu kingine sasa. Acha mazungumzo haya wazi kama ni salama. Kuongeza kitu, andika tu.
share-embassy-prompt = Je, tunaweza kuwasiliana na ubalozi wa nchi yako kuhusu kesi yako? Hatutafanya chochote bila ndiyo yako. Kwa watu wengine, kuwasiliana na ubalozi wao kunaweza kuwa hatari: sema hapana kama huna uhakika.
share-yes = Ndiyo, mnaweza
share-no = Hapana, msifanye
share-answer-given = Asante, tumeandika ndiyo yako.
share-answer-refused = Asante, hatutawasiliana nao. Unaweza kubadili uamuzi wakati wowote.

## The phone simulator (it shows what WhatsApp shows on the person's phone)

simulator-send-location = 📍 Tuma mahali
