# Sauti — الميساجات بالدارجة المغربية (بالحروف العربية).
# Drafted by the Sauti developers (translated from locales/en/bot.ftl).
# Needs review by a native speaker before use.
# Same ids and variables as English (`sauti locales check`). Short sentences, plain words;
# never promise rescue. Verbs use the usual masculine form where Darija has no neutral one.

## Language

language-name = الدارجة
language-prompt = ختارو اللغة ديالكم. تقدر تبدلها فأي وقت إلا كتبتي «لغة».
language-menu-button = اللغات
language-switched = غادي نكتبو ليك بالدارجة.

## Consent and information (shown before any question)

consent-prompt =
    هاد الشات كتسيرو { $org }، جمعية كتعاون الناس اللي فخطر برا بلادهم. حنا ماشي البوليس، وماشي خدمة ديال الطوارئ.
    واحد من الفريق ديالنا كيقرا الميساجات ديالك. كنخليوهم { $days ->
        [one] نهار واحد
        [two] يومين
        [few] { $days } أيام
       *[other] { $days } يوم
    }، ومن بعد كنمسحوهم.
    كتبو «مسح» فأي وقت باش نمسحو كلشي. مسحو هاد الشات إلا كان شي حد يقدر يقرا التيليفون ديالك.

    الجوابات اللولين أوتوماتيكيين. كنخليو الرقم ديالك، البلاصة اللي قلتي لينا والميساجات ديالك. ما كنعطيو والو لشي سفارة ولا البوليس ولا شي وكالة حتى نسولوك.
    كتب «مسح» فأي وقت باش نمسحو كلشي. مسح هاد الشات إلا كان شي حد يقدر يقرا التيليفون ديالك.
    واش نكملو؟
consent-yes = إيه، نكملو
consent-no = لا
consent-declined = فاهمينك: ما كنخليو والو من هاد الشات. إلا كنتي فخطر دابا، عيط ل 112 فأوروبا، ولا لرقم الطوارئ ديال البلاد اللي نتا فيها{ $hotline ->
        [0] {""}
       *[other] ، ولا للخط ديالنا { $hotline }
    }. باش ترجع، كتب لينا عاوتاني فأي وقت.

## Questions of the default flow

safety-prompt = واش كاين شي خطر عليك دابا؟
safety-danger_now = أنا فخطر دابا
safety-not_safe = ما فأمانش
safety-safe = لاباس عليا دابا

location-prompt = فين راك دابا؟ صيفطو لينا الموقع (location) ديالك، ولا كتبو سمية المدينة ولا البلاصة.
location-found = شكرا. سجلنا: { $place }، { $country }.
location-near = شكرا. راك قريب من { $place }، { $country } (تقريبا { $km } كيلومتر).
location-ambiguous = كاين كثر من بلاصة سميتها «{ $name }». شمن وحدة؟
location-unknown = شكرا. ما لقيناش «{ $name }» فالخريطة ديالنا، ولكن سجلناها. واحد من الفريق ديالنا غادي يسولك كثر.
location-reask = صيفط لينا الموقع ديالك، ولا كتب سمية المدينة ولا البلاصة. إلا ما عرفتيش، كتب: ما عرفتش.
location-dont-know = ماشي مشكل. سجلنا بلي ما عرفتيش فين نتا. واحد من الفريق ديالنا غادي يعاونك تعرف.
location-situation = شكرا. سجلنا: { $situation }.
location-at-sea = شكرا. البلاصة ديالك فالبحر، تقريبا { $km } كيلومتر من الشط ديال { $country }. سجلناها.
location-remote = شكرا. سجلنا البلاصة ديالك ف{ $country }، تقريبا { $km } كيلومتر من أقرب مدينة كنعرفوها.
location-country = شكرا. سجلنا: { $country }.
location-town-prompt = فشمن مدينة ولا بلاصة؟ إلا ما بغيتيش تقول، ورك على فوت.
location-confirm = { $place }، { $country }: واش نتا تما؟
location-yes = واه
situation-at_sea-name = فالبحر
situation-in_desert-name = فالصحرا
situation-in_vehicle-name = فطوموبيل ولا كاميو
situation-detained-name = محبوس

passport-prompt = شكون عندو الباسبور ديالك دابا؟
passport-with_me = عندي أنا
passport-held_by_employer = الباطرون
passport-held_by_agent = السمسار ولا الوكالة
passport-held_by_authorities = البوليس ولا السلطات
passport-lost = ضاع ولا تسرق
passport-never_had = عمري ما كان عندي

free_to_leave-prompt = واش تقدر تخرج من البلاصة اللي راك فيها ملي بغيتي؟
free_to_leave-yes = إيه
free_to_leave-no = لا
free_to_leave-unsure = ما عرفتش

people-prompt = شحال من واحد فنفس الحالة، حتى نتا/نتي معاهم؟ كتبو رقم: 1 إلا كنتي بوحدك.

## Optional questions (a person can skip them)

agency-prompt = شنو سمية الوكالة ولا الشخص اللي جابك لهاد الخدمة؟ كتبو «فوت» إلا ما عرفتيش.
employer_town-prompt = فأي مدينة ولا منطقة ساكن الباطرون ديالك؟ كتبو «فوت» إلا ما عرفتيش.
others-prompt = واش كاينين ناس خرين فنفس الدار ولا نفس الخدمة عندهم نفس المشكل؟
others-yes = إيه
others-no = لا
others-unsure = ما عرفتش
option-skip = فوت

## Safe contact (the bot never writes first unless the person says it is safe)

contact-prompt = واش نقدرو نكتبو ليك حنا اللولين من بعد، بحال باش نعطيوك خبار على الملف ديالك؟ قولو إيه غير إلا كان هادشي ما فيه حتى خطر عليك.
contact-anytime = إيه، فأي وقت
contact-daytime = إيه، غير فالنهار
contact-never = لا، نهائيا

## After the questions

done-prompt =
    شكرا. الرقم ديال الملف ديالك هو { $case }.
    واحد من الفريق ديالنا غادي يقرا الأجوبة ديالك ويكتب ليك هنا. ما نقدروش نقولو إمتى، وما نقدروش نوعدوك بشي حاجة.
    إلا بغيتي تهضر مع شي واحد دابا، كتب «عاونوني».
urgent-opened = الملف ديالك تعلم «مستعجل». واحد من الفريق ديالنا غادي يشوفو فأقرب وقت، غير يكون شي واحد موجود. إلا قدرتي، خليو هاد الشات محلول.
emergency-number =
    ف{ $country }، نمر تأكد منهم الفريق ديالنا:
    { $numbers }
emergency-none = ما عندناش باقي شي نمرة ديال الطوارئ تأكدنا منها ف{ $country }. كنعطيو غير النمر اللي تأكد منهم الفريق ديالنا.
emergency-unknown-country = إلا كنتي فخطر دابا، عيط لنمرة الطوارئ ديال البلاد إلا قدرتي.
emergency-number-sea =
    فالبحر، نمر تأكد منهم الفريق ديالنا:
    { $numbers }
emergency-none-sea = ما عندناش باقي نمرة ديال البحرية (خفر السواحل) تأكدنا منها للبلاصة اللي فيها نتا. واحد من الفريق ديالنا غادي يقرا الميساجات ديالك.
emergency-hotline = تقدر تعيط للفريق ديالنا: { $hotline }
risk-police_may_detain_migrants-why = البوليس هنا يقدر يشد الناس اللي ما عندهمش الوراق، داكشي علاش الخدمات الأخرى جات اللولة.
risk-not_a_rescue_service-why = Alarm Phone خط ديال المتطوعين، ماشي خدمة ديال الطوارئ: عيط للبحرية اللول إلا قدرتي.
# The services named before each number (flows/emergency_numbers.yaml `service`).
service-general-name = الطوارئ
service-police-name = البوليس
service-gendarmerie-name = الجدارمية
service-national_guard-name = الحرس الوطني
service-ambulance-name = لامبيلانص (الإسعاف)
service-fire-name = البومبية
service-civil_protection-name = الوقاية المدنية
service-civil_defence-name = الدفاع المدني
service-tourist_police-name = البوليس السياحي
service-coast_guard-name = البحرية (خفر السواحل)
service-migrant_helpline-name = خط المساعدة ديال المهاجرين
service-alarm_phone-name = Alarm Phone

## Words that work at any step

help-handoff = واحد من الفريق ديالنا غادي يجاوبك هنا فأقرب وقت. خليو هاد الشات محلول إلا كان ما فيها خطر.
restart-done = غادي نبداو من اللول.
erase-confirm = واش بغيتي نمسحو كلشي اللي قلتي لينا؟ من بعد ما يمكنش نرجعوه.
erase-yes = إيه، مسحو
erase-no = لا، خليه
erase-done = مسحنا كلشي اللي قلتي لينا. عافاك مسحو حتى هاد الشات من التيليفون ديالك.
erase-cancelled = ما مسحنا والو. غادي نكملو.

## When we do not understand

reask-choice = عافاك وركو على واحد من الأجوبة، ولا كتبو الرقم ديالو.
reask-number = عافاك كتبو رقم، بحال 3.
reask-text = عافاك كتبو جواب قصير.
offer-human = ما فهمناش. واحد من الفريق ديالنا غادي يقرا الميساج ديالك ويجاوبك.
menu-button = الأجوبة
numbered-hint = كتبو الرقم ديال الجواب ديالك.

## Other messages

voice-note = ما نقدروش نسمعو الأوديو، ولكن واحد من الفريق ديالنا غادي يسمعو. فهاد السؤال، عافاك وركو على جواب ولا كتبو.
media-received = شكرا، وصلنا الملف ديالك. واحد من الفريق ديالنا غادي يشوفو.
unsupported-message = ما نقدروش نقراو هاد النوع ديال الميساجات. عافاك كتبو.
flood-notice = صيفطتي بزاف ديال الميساجات بالزربة. وصلونا كاملين. عافاك تسنى الجواب.
received-ack = وصلنا الميساج ديالك. واحد من الفريق ديالنا غادي يقراه.
handback-done = الفريق ديالنا سالا دابا. تقدر تكتب لينا فأي وقت إلا حتاجيتي شي مساعدة.
handback-resume = غادي نكملو الأسئلة.
reminder = واش مازال معانا؟ جاوبو غير ملي يكون ما فيها خطر.
conversation-expired = هاد المحادثة تسدات. تقدر تكتب لينا عاوتاني فأي وقت.

## Canned replies for caseworkers (flows/replies.yaml)

canned-received = وصلنا الميساج ديالك. واحد من الفريق ديالنا كيقراه دابا.
canned-safe-to-talk = واش تقدر تهضر دابا بلا خطر؟ جاوبو بإيه ولا لا.
canned-send-location = ملي يكون ما فيها خطر، عافاك صيفطو لينا الموقع ديالك.
canned-contacting-embassy = راه كنتاصلو بالسفارة على قبل الملف ديالك.
canned-stay-put = إلا ما كانش خطر، بقا فين راك. غادي نكتبو ليك عاوتاني.
canned-how-many = شحال من واحد معاك؟
canned-delete-chat = عقل تمسحو هاد الشات إلا كان شي حد يقدر يقرا التيليفون ديالك.
canned-call-later = غادي نكتبو ليك عاوتاني قريب.

## Added for the engine

# اختيار فـ«كاين كثر من بلاصة سميتها طرابلس»: البلاصة والبلاد ديالها.
location-option = { $place }، { $country }
location-other = بلاصة أخرى
safety-at_sea = فالبحر
safety-in_desert = فالصحرا
sea-call-now = إلا قدرتو، عيطو دابا للبحرية (خفر السواحل) ولا لنمرة الطوارئ. حنا ماشي خدمة ديال الطوارئ، ولكن واحد من الفريق ديالنا غادي يقرا هادشي.
sea-position-prompt = صيفطو البلاصة ديالكم: بارطاجيو الموقع (location)، ولا كتبوه. فتيليفون Thuraya: Menu، من بعد GPS Manager، من بعد Current position.
sea-people-prompt = شحال من واحد معاكم؟ كتبو رقم.
sea-condition-prompt = كيداير كلشي؟ كتبو لينا على الما، واش كاين شي مجروح، وكيف دايرة الفلوكة ولا الطوموبيل.

# The default flow's sea and desert paths (flows/distress.yaml). Draft: needs review by a native speaker.
sea_people-prompt = شحال من واحد فالفلوكة، نتوما معاهم؟ كتبو رقم، وكتبو إلا كاين دراري ولا عيالات ولا شي مجروح.
sea_condition-prompt = كيدايرة الفلوكة؟ ختارو، ولا كتبو: الما داخل، الموتور، ليصانص، الما باش تشربو.
sea_condition-taking_water = الما داخل للفلوكة
sea_condition-engine_stopped = الموتور حبس
sea_condition-no_fuel = ماكاينش ليصانص
sea_condition-no_drinking_water = ماكاينش الما للشرب
sea_boat-prompt = وصفو الفلوكة: زودياك ولا خشب، اللون ديالها، قداش كبيرة.
desert-call-now = إلا قدرتو، عيطو دابا لنمرة الطوارئ. حنا ماشي خدمة ديال الطوارئ، ولكن واحد من الفريق ديالنا غادي يقرا هادشي. بقاو مجموعين، فالظل إلا قدرتو.
desert_position-prompt = صيفطو البلاصة ديالكم: بارطاجيو الموقع (location)، ولا كتبو أقرب بلاصة ولا طريق ولا الحدود.
desert_water-prompt = واش عندكم الما؟
desert_water-none = ماعندناش الما
desert_water-little = شوية
desert_water-enough = كافي دابا
desert_people-prompt = شحال من واحد معاكم، نتوما معاهم؟ كتبو رقم، وكتبو إلا كاين دراري ولا عيالات ولا شي مجروح.
desert_direction-prompt = فين خلاوكم، وفاش من جيهة كتمشيو؟ شحال هادي؟
position-updates = إلا قدرتو، عاودو صيفطو البلاصة ديالكم كل 30 دقيقة: بارطاجيو الموقع، ولا كتبو الأرقام ديال GPS. وفرو الباطري.

## Saying back what we understood

answer-noted = سجلنا: { $answer }. باش تبدلو، كتبو «بدل».
confirm-prompt = واش قصدك: { $answer }؟
confirm-other = لا، حاجة أخرى

## flow: danger path, caseworker questions, consent to share

people-with-prompt = شحال من واحد معاك فنفس الحالة؟ كتب رقم (1 إلا كنتي بوحدك). إلا كانو دراري صغار ولا شي حد مجروح، كتبها حتى هي.
nationality-prompt = شنو هي الجنسية ديالك؟ تقدر تدوز هاد السؤال.
safe_to_call-prompt = واش ما فيها خطر إلا عيطنا ليك ولا كتبنا ليك حنا اللولين، وفوقاش؟ قول إيه غير إلا ما فيها خطر.
safe_to_call-anytime = إيه، فأي وقت
safe_to_call-daytime = إيه، غير فالنهار
safe_to_call-never = لا، نهائيا
phone_private-prompt = واش هاد التيليفون ديالك بوحدك، ولا شي حد آخر يقدر يقراه؟
phone_private-mine = ديالي بوحدي
phone_private-shared = مشترك مع ناس خرين
phone_private-watched = شي حد كيقراه
injured-prompt = واش نتا ولا شي حد معاك مجروح ولا محتاج طبيب؟
injured-yes = إيه
injured-no = لا
children-prompt = واش معاك دراري صغار؟
children-yes = إيه
children-no = لا
wages-prompt = واش كيخلصوك على الخدمة ديالك؟
wages-paid = إيه، كيخلصوني
wages-partly = غير شوية
wages-unpaid = ما كيخلصونيش
debt-prompt = واش عليك شي كريدي لشي سمسار، ولا لشي وكالة، ولا للباطرون؟
debt-yes = إيه
debt-no = لا
debt-unsure = ما عرفتش
threats-prompt = واش شي حد هددك نتا ولا العائلة ديالك؟
threats-yes = إيه
threats-no = لا
wants-prompt = شنو بغيتي كثر حاجة دابا؟
wants-go_home = نرجع لبلادي
wants-leave_employer = نخرج من عند الباطرون
wants-information = معلومات
handover-prompt = شكرا. رقم الملف ديالك هو { $case }. واحد من الفريق ديالنا غادي يكتب ليك هنا؛ ما غاديش نسولوك شي حاجة خرا دابا. خلي هاد الشات محلول إلا ما فيها خطر. باش تزيد شي حاجة، غير كتب.
share-embassy-prompt = واش نقدرو نتاصلو بالسفارة ديال بلادك على الملف ديالك؟ ما غادي نديرو والو بلا ما تقول إيه. لشي ناس، الاتصال بالسفارة ديالهم يقدر يكون خطر: قول لا إلا ما كنتيش متأكد.
share-yes = إيه، تقدرو
share-no = لا، ما تديروش
share-answer-given = شكرا، سجلنا بلي قلتي إيه.
share-answer-refused = شكرا، ما غاديش نتاصلو بيهم. تقدر تبدل رأيك فأي وقت.

## The phone simulator (it shows what WhatsApp shows on the person's phone)

simulator-send-location = 📍 صيفط البلاصة
