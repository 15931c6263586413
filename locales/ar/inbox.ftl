# كلمات واجهة صندوق الوارد للعاملين في الحالات (bot/web/ui_words.py).
# مسودة: تحتاج إلى مراجعة من متحدث أصلي. الرسالة الغائبة هنا تظهر بالإنجليزية.

inbox-name = صندوق وارد صوتي
inbox-skip = انتقل إلى المحتوى الرئيسي
inbox-demo = عرض تجريبي: بيانات مختلقة؛ لا شيء مما ترسله يغادر هذا الحاسوب.
inbox-nav = صندوق الوارد
inbox-groups = المجموعات
inbox-patterns = الأنماط
inbox-numbers = الأرقام
inbox-admin = الإدارة
inbox-sign-out = تسجيل الخروج
inbox-open-count = مفتوحة: { $count }
inbox-urgent-count = عاجلة دون متابع: { $count }

login-title = تسجيل الدخول
login-name = اسم المستخدم
login-password = كلمة المرور
login-button = دخول
login-wrong = اسم المستخدم أو كلمة المرور غير صحيحة.
login-too-soon = محاولات فاشلة كثيرة. حاول مرة أخرى بعد { $when }.

list-title = الحالات
list-status = الحالة
list-status-active = مفتوحة وقيد المتابعة
list-status-open = مفتوحة
list-status-claimed = قيد المتابعة
list-status-resolved = مغلقة
list-status-all = الكل
list-priority = الأولوية
list-priority-any = أي أولوية
list-team = الفريق
list-team-all = كل فرقي
list-show = عرض

list-case = الحالة { $id }
list-unclaimed = دون متابع
list-not-reached = لم تصل
list-not-reached-title = لم يصل أي من ردودنا إلى هذا الشخص
list-team-of = الفريق { $team }
list-opened = فُتحت
list-unrouted = { $count ->
    [one] لم تُحوَّل إلى فريق بعد: لا يغطي أي فريق المكان الذي يكتب منه هذا الشخص، أو أنه غير معروف بعد. يراها كل العاملين: افتح الحالة وحوّلها إلى فريق.
   *[other] لم تُحوَّل إلى فريق بعد: لا يغطي أي فريق المكان الذي يكتب منه هؤلاء الأشخاص، أو أنه غير معروف بعد. يراها كل العاملين: افتح حالة وحوّلها إلى فريق.
}
list-unrouted-label = حالات لم تُحوَّل إلى فريق بعد، الأكثر إلحاحاً أولاً
list-label = الحالات، الأكثر إلحاحاً أولاً
list-empty = لا توجد حالات هنا. تظهر الحالات الجديدة من تلقاء نفسها.

case-all = ← كل الحالات
case-actions = الإجراءات
case-claim = تولَّ هذه الحالة
case-another = عامل آخر
case-claimed-by = يتابعها { $name }.
case-resolved = أُغلقت. إذا كتب الشخص مرة أخرى تُفتح حالة جديدة مرتبطة بهذه.
case-resolved-as = أُغلقت: { $outcome }. إذا كتب الشخص مرة أخرى تُفتح حالة جديدة مرتبطة بهذه.
case-reply = الرد
case-release = أعد المحادثة إلى البوت
case-route-to = حوّل إلى الفريق
case-route-first = لم تُحوَّل إلى فريق بعد: حوّل إلى
case-choose = اختر…
case-route = حوّل
case-outcome = النتيجة
case-closing = رسالة ختامية (اختيارية)
case-closing-none = لا شيء
case-resolve = أغلق الحالة
case-conversation = المحادثة
case-message = رسالة إلى الشخص
case-message-in = رسالة إلى الشخص (يقرأ { $language })
case-send = أرسل
case-canned = ردود جاهزة
case-in-your-language = بلغتك: { $text }
case-needs-consent = يلزم موافقتها على التواصل مع { $recipient }: لا يمكن الإرسال قبل أن توافق.
case-ask-consent = اسألها (نعم/لا، بلغتها)
case-send-this = أرسل هذا
case-templates = قوالب معتمدة (النافذة مغلقة)
case-param-placeholder = يُملأ من الحالة
case-send-template = أرسل القالب
case-notes = ملاحظات داخلية
case-someone = شخص ما
case-no-notes = لا ملاحظات بعد. لا يرى الشخص الملاحظات أبداً.
case-note-label = أضف ملاحظة (يراها العاملون فقط)
case-add-note = أضف الملاحظة
case-linked = مرتبطة على الأرجح
case-linked-link = حالات مرتبطة بهذه على الأرجح، ومجموعات

not-found-title = غير موجود
not-found-case = الحالة غير موجودة
not-found-case-text = لا توجد حالة كهذه في فرقك.
not-found-back = العودة إلى الحالات
