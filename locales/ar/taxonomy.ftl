## خيارات الملف الشخصي. المعرّفات `<النوع>-<القيمة>`؛ تُخزَّن القيم وتُعرض التسميات.

municipality-doha = الدوحة
municipality-al-rayyan = الريان
municipality-al-wakrah = الوكرة
municipality-al-khor = الخور
municipality-al-shamal = الشمال
municipality-umm-salal = أم صلال
municipality-al-daayen = الضعاين
municipality-al-shahaniya = الشحانية

skill-first-aid = الإسعافات الأولية
skill-teaching = التعليم والتدريس
skill-it = تقنية المعلومات والحاسوب
skill-translation = الترجمة
skill-event-support = دعم الفعاليات
skill-driving = القيادة
skill-design = التصميم
skill-elderly-care = رعاية كبار السن
skill-photography = التصوير
skill-media = الإعلام ووسائل التواصل
skill-fundraising = جمع التبرعات
skill-sports-coaching = التدريب الرياضي
skill-counseling = الإرشاد والإصغاء
skill-cooking = الطبخ
skill-sign-language = لغة الإشارة

cause-education = التعليم
cause-health = الصحة
cause-environment = البيئة
cause-elderly = كبار السن
cause-disabilities = الأشخاص ذوو الإعاقة
cause-sports = الرياضة
cause-culture = الثقافة والتراث
cause-relief = الإغاثة الإنسانية
cause-children = الأطفال والشباب
cause-animals = الرفق بالحيوان
cause-community = خدمة المجتمع

education-primary = المرحلة الابتدائية
education-secondary = المرحلة الثانوية
education-diploma = دبلوم
education-bachelor = بكالوريوس
education-master = ماجستير
education-doctorate = دكتوراه

language-ar = العربية
language-en = الإنجليزية
language-fr = الفرنسية
language-ur = الأردية
language-hi = الهندية
language-ml = المالايالامية
language-tl = الفلبينية (التاغالوغ)
language-bn = البنغالية
language-fa = الفارسية
language-tr = التركية
language-es = الإسبانية

gender-female = أنثى
gender-male = ذكر

day-sat = السبت
day-sun = الأحد
day-mon = الاثنين
day-tue = الثلاثاء
day-wed = الأربعاء
day-thu = الخميس
day-fri = الجمعة
part-morning = صباحًا
part-afternoon = ظهرًا
part-evening = مساءً
# مربع واحد من التوفر الأسبوعي: "السبت صباحًا".
slot-label = { $day } { $part }

nationality-QA = قطر
nationality-SA = السعودية
nationality-AE = الإمارات العربية المتحدة
nationality-KW = الكويت
nationality-BH = البحرين
nationality-OM = عُمان
nationality-EG = مصر
nationality-JO = الأردن
nationality-LB = لبنان
nationality-SY = سوريا
nationality-PS = فلسطين
nationality-IQ = العراق
nationality-YE = اليمن
nationality-SD = السودان
nationality-LY = ليبيا
nationality-TN = تونس
nationality-DZ = الجزائر
nationality-MA = المغرب
nationality-SO = الصومال
nationality-IN = الهند
nationality-PK = باكستان
nationality-BD = بنغلاديش
nationality-NP = نيبال
nationality-LK = سريلانكا
nationality-PH = الفلبين
nationality-ID = إندونيسيا
nationality-IR = إيران
nationality-TR = تركيا
nationality-GB = المملكة المتحدة
nationality-US = الولايات المتحدة
nationality-FR = فرنسا
nationality-KE = كينيا
nationality-NG = نيجيريا
nationality-XX = أخرى
