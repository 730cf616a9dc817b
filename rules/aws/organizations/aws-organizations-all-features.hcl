rule "aws-organizations-all-features" {
  title     = "AWS Organization has only consolidated billing, so service control policies cannot apply"
  severity  = "medium"
  area      = "identity-access"
  resources = ["aws_organizations_organization"]

  description = <<-EOT
    An organization created with `feature_set = "CONSOLIDATED_BILLING"` shares a bill and nothing
    else: service control policies, resource control policies, tag and backup policies and
    organization-wide trusted access cannot be used, so there are no guardrails an account's own
    administrators cannot remove (such as "never leave the organization", "never stop CloudTrail",
    "only these regions"). `feature_set` defaults to `ALL`. Medium: the missing guardrails are
    defence in depth around every member account. Governing the accounts is the customer's side
    of the shared responsibility model.
  EOT
  remediation = <<-EOT
    Enable all features (members must approve the change) and use service control policies:

        resource "aws_organizations_organization" "org" {
          feature_set          = "ALL"
          enabled_policy_types = ["SERVICE_CONTROL_POLICY"]
        }
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/organizations_organization",
    "https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_org_support-all-features.html",
  ]

  assert {
    attribute "feature_set" {
      equals  = "ALL"
      default = "ALL"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_organizations_organization" "org" {
        feature_set = "CONSOLIDATED_BILLING"  # expect: aws-organizations-all-features
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_organizations_organization" "org" {
        aws_service_access_principals = ["cloudtrail.amazonaws.com"]
        enabled_policy_types          = ["SERVICE_CONTROL_POLICY"]
      }
    EOT
  }
}
