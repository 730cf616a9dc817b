rule "aws-securityhub-organization-auto-enable" {
  title     = "Security Hub is not turned on automatically for new member accounts"
  severity  = "medium"
  area      = "configuration-posture"
  resources = ["aws_securityhub_organization_configuration"]

  description = <<-EOT
    With local configuration, the delegated Security Hub administrator enrolls member accounts
    only when `auto_enable = true`; otherwise every account that joins the organization stays
    outside Security Hub, its controls never evaluated and its GuardDuty, Inspector and Macie
    findings never aggregated, until someone adds it by hand. Medium: a gap in detection across
    accounts. Turning on and acting on security posture management is the customer's side of the
    shared responsibility model. Organizations using central configuration
    (`organization_configuration { configuration_type = "CENTRAL" }`) enroll accounts through
    configuration policies instead, and are not reported.
  EOT
  remediation = <<-EOT
    Enroll new accounts automatically, or move to central configuration:

        resource "aws_securityhub_organization_configuration" "org" {
          auto_enable           = true
          auto_enable_standards = "DEFAULT"
        }
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/securityhub_organization_configuration",
    "https://docs.aws.amazon.com/securityhub/latest/userguide/accounts-orgs-auto-enable.html",
  ]

  assert {
    any {
      attribute "auto_enable" {
        equals = true
      }
      attribute "organization_configuration.configuration_type" {
        equals = "CENTRAL"
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_securityhub_organization_configuration" "org" {
        auto_enable = false  # expect: aws-securityhub-organization-auto-enable
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_securityhub_organization_configuration" "org" {
        auto_enable           = true
        auto_enable_standards = "DEFAULT"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_securityhub_organization_configuration" "org" {
        auto_enable           = false
        auto_enable_standards = "NONE"

        organization_configuration {
          configuration_type = "CENTRAL"
        }
      }
    EOT
  }
}
