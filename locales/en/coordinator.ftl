# The coordinator area of an organization.
org-title = My organization
org-lead = The coordinators' space of { $org }.
org-coordinators = Coordinators
org-coordinator-count = { $count ->
    [zero] No coordinators
    [one] { $count } coordinator
   *[other] { $count } coordinators
}
col-name = Name
col-email = Email
