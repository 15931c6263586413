# Sauti — الرسائل بالعربية (الفصحى البسيطة).
# Drafted by the Sauti developers (translated from locales/en/bot.ftl).
# Needs review by a native speaker before use.
# Same ids and variables as English (`sauti locales check`). Short sentences, plain words;
# never promise rescue. Wording avoids masculine-only verb forms where it stays natural
# (masdar: «يمكنك كتابة…»; plural to a group at sea).

## Language

language-name = العربية
language-prompt = ما هي لغتك؟ يمكنك تغييرها في أي وقت بكتابة «لغة».
language-menu-button = اللغات
language-switched = سنكتب لك بالعربية.

## Consent and information (shown before any question)

consent-prompt =
    هذه المحادثة تديرها { $org }، وهي مجموعة تساعد الناس الذين في خطر خارج بلدهم. نحن لسنا الشرطة، ولسنا خدمة طوارئ.
    شخص من فريقنا يقرأ رسائلك. نحتفظ بها مدة { $days ->
        [one] يوم واحد
        [two] يومين
        [few] { $days } أيام
        [many] { $days } يومًا
       *[other] { $days } يوم
    }، ثم نحذفها.
    الردود الأولى آلية. نحتفظ برقم هاتفك والمكان الذي تخبرنا به ورسائلك. لا نشارك أي شيء مع سفارة أو الشرطة أو أي وكالة قبل أن نسألك.
    يمكنك حذف كل شيء في أي وقت بكتابة «امسح». من الأفضل حذف هذه المحادثة إذا كان أحد قد يقرأ هاتفك.
    هل نتابع؟
consent-yes = نعم، نتابع
consent-no = لا
consent-declined = نتفهم ذلك: لا نحتفظ بأي شيء من هذه المحادثة. إذا كنت في خطر الآن، اتصل بـ 112 في أوروبا، أو برقم الطوارئ في البلد الذي أنت فيه{ $hotline ->
        [0] {""}
       *[other] ، أو بخطنا { $hotline }
    }. للعودة، اكتب لنا مرة أخرى في أي وقت.

## Questions of the default flow

safety-prompt = هل أنت في خطر الآن؟
safety-danger_now = أنا في خطر الآن
safety-not_safe = لست في أمان
safety-safe = أنا بأمان الآن

location-prompt = أين أنت الآن؟ يمكنك إرسال موقعك، أو كتابة اسم المدينة أو المكان.
location-found = شكرًا. سجّلنا: { $place }، { $country }.
location-near = شكرًا. أنت قرب { $place }، { $country } (على بعد { $km } كم تقريبًا).
location-ambiguous = يوجد أكثر من مكان اسمه «{ $name }». أيّ واحد؟
location-unknown = شكرًا. لم نجد «{ $name }» في خريطتنا، لكننا سجّلناه. سيسألك شخص من فريقنا أسئلة أخرى.
location-reask = أرسل موقعك، أو اكتب اسم المدينة أو المكان. إذا كنت لا تعرف، اكتب: لا أعرف.
location-dont-know = لا بأس. سجّلنا أنك لا تعرف أين أنت. سيساعدك شخص من فريقنا على معرفة ذلك.
location-situation = شكرًا. سجّلنا: { $situation }.
location-at-sea = شكرًا. موقعك في البحر، على بعد { $km } كم تقريبًا من ساحل { $country }. سجّلناه.
location-remote = شكرًا. سجّلنا موقعك في { $country }، على بعد { $km } كم تقريبًا من أقرب مدينة نعرفها.
location-country = شكرًا. سجّلنا: { $country }.
location-town-prompt = في أي مدينة أو مكان؟ إذا كنت تفضّل ألا تقول، اضغط تخطي.
location-confirm = { $place }، { $country }: هل أنت هناك؟
location-yes = نعم
situation-at_sea-name = في البحر
situation-in_desert-name = في الصحراء
situation-in_vehicle-name = في سيارة أو شاحنة
situation-detained-name = محتجز

passport-prompt = من معه جواز سفرك الآن؟
passport-with_me = هو معي
passport-held_by_employer = صاحب العمل
passport-held_by_agent = الوكيل أو المكتب
passport-held_by_authorities = الشرطة أو السلطات
passport-lost = ضاع أو سُرق
passport-never_had = لم يكن عندي جواز

free_to_leave-prompt = هل يمكنك الخروج من المكان الذي أنت فيه متى أردت؟
free_to_leave-yes = نعم
free_to_leave-no = لا
free_to_leave-unsure = لا أعرف

people-prompt = كم شخصًا في نفس الوضع، بما في ذلك أنت؟ الرجاء كتابة رقم: 1 إذا كنت وحدك.

## Optional questions (a person can skip them)

agency-prompt = ما اسم المكتب أو الشخص الذي جاء بك إلى هذا العمل؟ يمكنك كتابة «تخطي» إذا لم يكن عندك الجواب.
employer_town-prompt = في أي مدينة أو منطقة يسكن صاحب العمل؟ يمكنك كتابة «تخطي» إذا لم يكن عندك الجواب.
others-prompt = هل هناك أشخاص آخرون في نفس البيت أو مكان العمل في نفس الوضع؟
others-yes = نعم
others-no = لا
others-unsure = لا أعرف
option-skip = تخطي

## Safe contact (the bot never writes first unless the person says it is safe)

contact-prompt = هل يمكننا أن نكتب لك نحن أولًا فيما بعد، مثلًا لنعطيك أخبارًا عن ملفك؟ الجواب «نعم» فقط إذا كان ذلك آمنًا لك.
contact-anytime = نعم، في أي وقت
contact-daytime = نعم، في النهار فقط
contact-never = لا، أبدًا

## After the questions

done-prompt =
    شكرًا. رقم ملفك هو { $case }.
    سيقرأ شخص من فريقنا أجوبتك ويكتب لك هنا. لا نستطيع أن نقول متى، ولا نستطيع أن نعد بما سيحدث.
    للحديث مع شخص الآن، يمكنك كتابة «مساعدة».
urgent-opened = وضعنا على ملفك علامة «عاجل». سيراه شخص من فريقنا في أقرب وقت يكون فيه أحد متاحًا؛ لا نستطيع أن نقول متى. إن أمكن، من الأفضل إبقاء هذه المحادثة مفتوحة.
emergency-number =
    في { $country }، أرقام تحقّق منها فريقنا:
    { $numbers }
emergency-none = ليس لدينا بعدُ رقم طوارئ تحقّقنا منه في { $country }. نعطي فقط أرقامًا تحقّق منها فريقنا.
emergency-unknown-country = إذا كنت في خطر الآن، يمكنك الاتصال برقم الطوارئ المحلي إن أمكن.
emergency-number-sea =
    في البحر، أرقام تحقّق منها فريقنا:
    { $numbers }
emergency-none-sea = ليس لدينا بعدُ رقم خفر سواحل تحقّقنا منه للمكان الذي أنت فيه. سيقرأ شخص من فريقنا رسائلك.
emergency-hotline = يمكنك الاتصال بفريقنا: { $hotline }
risk-police_may_detain_migrants-why = قد تحتجز الشرطة هنا الأشخاص الذين ليست لديهم أوراق، لذلك نضع الخدمات الأخرى أولًا.
risk-not_a_rescue_service-why = Alarm Phone خط متطوعين وليس خدمة طوارئ: اتصل بخفر السواحل أولًا إن أمكن.
# The services named before each number (flows/emergency_numbers.yaml `service`).
service-general-name = الطوارئ
service-police-name = الشرطة
service-gendarmerie-name = الدرك
service-national_guard-name = الحرس الوطني
service-ambulance-name = الإسعاف
service-fire-name = الإطفاء
service-civil_protection-name = الحماية المدنية
service-civil_defence-name = الدفاع المدني
service-tourist_police-name = الشرطة السياحية
service-coast_guard-name = خفر السواحل
service-migrant_helpline-name = خط مساعدة المهاجرين
service-alarm_phone-name = Alarm Phone

## Words that work at any step

help-handoff = سيرد عليك شخص من فريقنا هنا في أقرب وقت ممكن. من الأفضل إبقاء هذه المحادثة مفتوحة إذا كان ذلك آمنًا.
restart-done = نبدأ من جديد من البداية.
erase-confirm = هل نحذف كل ما قلته لنا؟ لا يمكن التراجع عن ذلك.
erase-yes = نعم، احذفوا
erase-no = لا، احتفظوا به
erase-done = حذفنا كل ما قلته لنا. من الأفضل حذف هذه المحادثة من هاتفك أيضًا.
erase-cancelled = لم نحذف شيئًا. نتابع.

## When we do not understand

reask-choice = الرجاء الضغط على أحد الأجوبة، أو كتابة رقمه.
reask-number = الرجاء كتابة رقم، مثلًا 3.
reask-text = الرجاء كتابة جواب قصير.
offer-human = لم نفهم. سيقرأ شخص من فريقنا رسالتك ويرد عليك.
menu-button = الأجوبة
numbered-hint = الرجاء كتابة رقم جوابك.

## Other messages

voice-note = لا نستطيع سماع الرسائل الصوتية، لكن شخصًا من فريقنا سيسمعها. لهذا السؤال، الرجاء الضغط على جواب أو الكتابة.
media-received = شكرًا، وصلنا ملفك. سيراه شخص من فريقنا.
unsupported-message = لا نستطيع قراءة هذا النوع من الرسائل. الرجاء الكتابة.
flood-notice = أرسلت رسائل كثيرة بسرعة. وصلتنا كلها. الرجاء انتظار الجواب.
received-ack = وصلتنا رسالتك. سيقرؤها شخص من فريقنا.
handback-done = انتهى فريقنا الآن. يمكنك الكتابة لنا في أي وقت إذا احتجت إلى مساعدة.
handback-resume = نكمل الأسئلة.
reminder = هل ما زلت هنا؟ لا داعي للرد إلا عندما يكون ذلك آمنًا.
conversation-expired = أُغلقت هذه المحادثة. يمكنك الكتابة لنا من جديد في أي وقت.

## Canned replies for caseworkers (flows/replies.yaml)

canned-received = وصلتنا رسالتك. شخص من فريقنا يقرؤها الآن.
canned-safe-to-talk = هل الحديث آمن لك الآن؟ الجواب: نعم أو لا.
canned-send-location = عندما يكون ذلك آمنًا، الرجاء إرسال موقعك.
canned-contacting-embassy = نحن نتواصل مع السفارة بخصوص ملفك.
canned-stay-put = إذا كان ذلك آمنًا، من الأفضل البقاء حيث أنت. سنكتب لك مرة أخرى.
canned-how-many = كم شخصًا معك؟
canned-delete-chat = تذكير: من الأفضل حذف هذه المحادثة إذا كان أحد قد يقرأ هاتفك.
canned-call-later = سنكتب لك مرة أخرى قريبًا.

## Added for the engine

# خيار في «يوجد أكثر من مكان اسمه طرابلس»: المكان وبلده.
location-option = { $place }، { $country }
location-other = مكان آخر
safety-at_sea = في البحر
safety-in_desert = في الصحراء
sea-call-now = اتصلوا الآن بخفر السواحل أو برقم الطوارئ إن أمكن. نحن لسنا خدمة طوارئ، لكن شخصًا من فريقنا سيقرأ هذه الرسالة.
sea-position-prompt = أرسلوا موقعكم: شاركوا الموقع، أو اكتبوه. على هاتف ثريا (Thuraya): Menu ثم GPS Manager ثم Current position.
sea-people-prompt = كم شخصًا معكم؟ الرجاء كتابة رقم.
sea-condition-prompt = كيف حال الجميع؟ اكتبوا لنا عن الماء، والجرحى، وحالة القارب أو السيارة.

# The default flow's sea and desert paths (flows/distress.yaml). Draft: needs review by a native speaker.
sea_people-prompt = كم شخصًا في القارب، مع احتسابكم؟ اكتبوا رقمًا، واكتبوا إن كان معكم أطفال أو نساء أو جرحى.
sea_condition-prompt = ما حال القارب؟ اختاروا، أو اكتبوا: الماء يدخل، المحرك، الوقود، ماء الشرب.
sea_condition-taking_water = الماء يدخل القارب
sea_condition-engine_stopped = المحرك متوقف
sea_condition-no_fuel = لا وقود
sea_condition-no_drinking_water = لا ماء للشرب
sea_boat-prompt = صفوا القارب: مطاطي أو خشبي، لونه، حجمه.
desert-call-now = اتصلوا الآن برقم الطوارئ إن أمكن. نحن لسنا خدمة طوارئ، لكن شخصًا من فريقنا سيقرأ هذه الرسالة. ابقوا معًا، وفي الظل إن أمكن.
desert_position-prompt = أرسلوا موقعكم: شاركوا الموقع، أو اكتبوا أقرب مكان أو طريق أو مركز حدودي.
desert_water-prompt = هل معكم ماء؟
desert_water-none = لا ماء
desert_water-little = قليل
desert_water-enough = يكفي الآن
desert_people-prompt = كم شخصًا معكم، مع احتسابكم؟ اكتبوا رقمًا، واكتبوا إن كان معكم أطفال أو نساء أو جرحى.
desert_direction-prompt = أين تُركتم، وفي أي اتجاه تمشون؟ منذ متى؟
position-updates = إن أمكن، أرسلوا موقعكم مرة أخرى كل 30 دقيقة: شاركوا الموقع، أو اكتبوا أرقام GPS. وفّروا البطارية.

## Saying back what we understood

answer-noted = سجّلنا: { $answer }. للتغيير، يمكنك كتابة «تغيير».
confirm-prompt = هل المقصود: { $answer }؟
confirm-other = لا، شيء آخر

## flow: danger path, caseworker questions, consent to share

people-with-prompt = كم شخصًا معك في نفس الوضع؟ اكتب رقمًا (1 إذا كنت وحدك). إذا كان بينكم أطفال أو جرحى، اكتب ذلك أيضًا.
nationality-prompt = ما هي جنسيتك؟ يمكنك تخطي هذا السؤال.
safe_to_call-prompt = هل من الآمن أن نتصل بك أو نكتب لك نحن أولًا، ومتى؟ قل نعم فقط إذا كان ذلك آمنًا.
safe_to_call-anytime = نعم، في أي وقت
safe_to_call-daytime = نعم، في النهار فقط
safe_to_call-never = لا، أبدًا
phone_private-prompt = هل هذا الهاتف لك وحدك، أم يمكن لشخص آخر أن يقرأه؟
phone_private-mine = لي وحدي
phone_private-shared = مشترك مع آخرين
phone_private-watched = شخص ما يقرأه
injured-prompt = هل أنت أو أحد معك مصاب أو بحاجة إلى طبيب؟
injured-yes = نعم
injured-no = لا
children-prompt = هل معك أطفال؟
children-yes = نعم
children-no = لا
wages-prompt = هل تحصل على أجرك مقابل عملك؟
wages-paid = نعم، أتقاضى أجري
wages-partly = جزء منه فقط
wages-unpaid = لا أتقاضى أجرًا
debt-prompt = هل عليك دين لوكيل أو لمكتب توظيف أو لصاحب العمل؟
debt-yes = نعم
debt-no = لا
debt-unsure = لا أعرف
threats-prompt = هل هددك أحد أو هدد عائلتك؟
threats-yes = نعم
threats-no = لا
wants-prompt = ماذا تريد أكثر شيء الآن؟
wants-go_home = العودة إلى بلدي
wants-leave_employer = ترك صاحب العمل
wants-information = معلومات
handover-prompt = شكرًا. رقم ملفك هو { $case }. سيكتب لك شخص من فريقنا هنا؛ لن نسألك شيئًا آخر الآن. أبقِ هذه المحادثة مفتوحة إذا كان ذلك آمنًا. لإضافة شيء، اكتب فقط.
share-embassy-prompt = هل يمكننا التواصل مع سفارة بلدك بخصوص ملفك؟ لن نفعل شيئًا دون موافقتك. بالنسبة لبعض الناس، قد يكون التواصل مع سفارتهم خطيرًا: قل لا إذا لم تكن متأكدًا.
share-yes = نعم، يمكنكم
share-no = لا، لا تفعلوا
share-answer-given = شكرًا، سجلنا موافقتك.
share-answer-refused = شكرًا، لن نتواصل معهم. يمكنك تغيير رأيك في أي وقت.

## The phone simulator (it shows what WhatsApp shows on the person's phone)

simulator-send-location = 📍 إرسال الموقع
