rule "aws-guardduty-organization-auto-enable" {
  title     = "GuardDuty is not turned on automatically for the organization's member accounts"
  severity  = "medium"
  area      = "configuration-posture"
  resources = ["aws_guardduty_organization_configuration"]

  description = <<-EOT
    The delegated GuardDuty administrator decides whether member accounts are monitored. With
    `auto_enable_organization_members = "NONE"` new accounts joining the organization get no
    threat detection until someone enrolls them by hand, which is how sandbox and forgotten
    accounts become the quiet foothold of an intrusion. `ALL` enrolls existing and new accounts,
    `NEW` only accounts that join later. Medium: a gap in detection across accounts. Turning on
    threat detection is the customer's side of the shared responsibility model. The older
    `auto_enable = false` (provider versions before 5.0) is reported too.
  EOT
  remediation = <<-EOT
    Enroll every member account:

        resource "aws_guardduty_organization_configuration" "org" {
          detector_id                      = aws_guardduty_detector.admin.id
          auto_enable_organization_members = "ALL"
        }
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/guardduty_organization_configuration",
    "https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_organizations.html",
  ]

  assert {
    attribute "auto_enable_organization_members" {
      not_equals = "NONE"
      default    = "ALL"
    }
    attribute "auto_enable" {
      equals  = true
      default = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_guardduty_organization_configuration" "org" {
        detector_id                      = "12abc34d567e8fa901bc2d34e56789f0"
        auto_enable_organization_members = "NONE"  # expect: aws-guardduty-organization-auto-enable
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_guardduty_organization_configuration" "org" {
        detector_id = "12abc34d567e8fa901bc2d34e56789f0"
        auto_enable = false  # expect: aws-guardduty-organization-auto-enable
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_guardduty_organization_configuration" "org" {
        detector_id                      = "12abc34d567e8fa901bc2d34e56789f0"
        auto_enable_organization_members = "ALL"
      }
    EOT
  }
}
