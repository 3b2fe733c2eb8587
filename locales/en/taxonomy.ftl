## The profile's choices. Ids are `<kind>-<value>`; the values are stored, the labels shown.

municipality-doha = Doha
municipality-al-rayyan = Al Rayyan
municipality-al-wakrah = Al Wakrah
municipality-al-khor = Al Khor
municipality-al-shamal = Al Shamal
municipality-umm-salal = Umm Salal
municipality-al-daayen = Al Daayen
municipality-al-shahaniya = Al Shahaniya

skill-first-aid = First aid
skill-teaching = Teaching and tutoring
skill-it = IT and computers
skill-translation = Translation
skill-event-support = Event support
skill-driving = Driving
skill-design = Design
skill-elderly-care = Elderly care
skill-photography = Photography
skill-media = Media and social media
skill-fundraising = Fundraising
skill-sports-coaching = Sports coaching
skill-counseling = Counseling and listening
skill-cooking = Cooking
skill-sign-language = Sign language

cause-education = Education
cause-health = Health
cause-environment = Environment
cause-elderly = Elderly people
cause-disabilities = People with disabilities
cause-sports = Sports
cause-culture = Culture and heritage
cause-relief = Humanitarian relief
cause-children = Children and youth
cause-animals = Animal welfare
cause-community = Community service

education-primary = Primary school
education-secondary = Secondary school
education-diploma = Diploma
education-bachelor = Bachelor's degree
education-master = Master's degree
education-doctorate = Doctorate

language-ar = Arabic
language-en = English
language-fr = French
language-ur = Urdu
language-hi = Hindi
language-ml = Malayalam
language-tl = Filipino (Tagalog)
language-bn = Bengali
language-fa = Persian
language-tr = Turkish
language-es = Spanish

gender-female = Female
gender-male = Male

day-sat = Saturday
day-sun = Sunday
day-mon = Monday
day-tue = Tuesday
day-wed = Wednesday
day-thu = Thursday
day-fri = Friday
part-morning = Morning
part-afternoon = Afternoon
part-evening = Evening
# One box of the weekly availability: "Saturday morning".
slot-label = { $day } { $part }

nationality-QA = Qatar
nationality-SA = Saudi Arabia
nationality-AE = United Arab Emirates
nationality-KW = Kuwait
nationality-BH = Bahrain
nationality-OM = Oman
nationality-EG = Egypt
nationality-JO = Jordan
nationality-LB = Lebanon
nationality-SY = Syria
nationality-PS = Palestine
nationality-IQ = Iraq
nationality-YE = Yemen
nationality-SD = Sudan
nationality-LY = Libya
nationality-TN = Tunisia
nationality-DZ = Algeria
nationality-MA = Morocco
nationality-SO = Somalia
nationality-IN = India
nationality-PK = Pakistan
nationality-BD = Bangladesh
nationality-NP = Nepal
nationality-LK = Sri Lanka
nationality-PH = Philippines
nationality-ID = Indonesia
nationality-IR = Iran
nationality-TR = Turkey
nationality-GB = United Kingdom
nationality-US = United States
nationality-FR = France
nationality-KE = Kenya
nationality-NG = Nigeria
nationality-XX = Other
