everywhere = الدارجة.
days = { $n ->
        [one] نهار واحد
        [two] يومين
        [few] { $n } أيام
       *[other] { $n } يوم
    }
