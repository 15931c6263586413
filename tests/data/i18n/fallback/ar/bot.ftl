everywhere = العربية.
in-ar = العربية فقط.
days = { $n ->
        [one] يوم واحد
        [two] يومان
        [few] { $n } أيام
        [many] { $n } يومًا
       *[other] { $n } يوم
    }
