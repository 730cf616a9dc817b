rule "google-iam-no-personal-emails" {
  title     = "IAM grants a role to a personal email account"
  severity  = "medium"
  area      = "identity-access"
  compliance = {
    "cis-gcp-2.0" = ["1.1"]
  }
  resources = [
    "google_project_iam_member",
    "google_folder_iam_member",
    "google_organization_iam_member",
    "google_project_iam_binding",
    "google_folder_iam_binding",
    "google_organization_iam_binding",
  ]
  aliases   = ["AVD-GCP-0069", "google-iam-no-personal-emails"]

  description = <<-EOT
    Consumer accounts (Gmail, Yahoo, Hotmail, Outlook and similar) are outside the organization's
    identity provider: their password policy, second factor and recovery are not under the
    company's control, and they are not disabled when the person leaves. A role granted to one at
    project, folder or organization level is access the organization cannot revoke centrally or
    audit. Severity is medium. Who receives roles is the customer's IAM decision; the organization
    policy `iam.allowedPolicyMemberDomains` enforces the same at run time.

    The rule checks `member` of the project, folder and organization IAM member resources, and
    each element of `members` of the IAM binding resources, for common consumer mail domains; a
    finding points at the offending member.
  EOT
  remediation = "Grant the role to an account or group of the organization's Cloud Identity or Workspace domain, and set the `iam.allowedPolicyMemberDomains` organization policy."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/google_project_iam",
    "https://cloud.google.com/resource-manager/docs/organization-policy/restricting-domains",
  ]

  assert {
    none "member" {
      value {
        matches = "^user:.*@(gmail|googlemail|yahoo|hotmail|outlook|live|icloud|aol|proton|protonmail)\\.[a-z.]+$"
      }
    }
    none "members" {
      value {
        matches = "^user:.*@(gmail|googlemail|yahoo|hotmail|outlook|live|icloud|aol|proton|protonmail)\\.[a-z.]+$"
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_project_iam_member" "contractor" {
        project = "example-project"
        role    = "roles/viewer"
        member  = "user:jane.doe@gmail.com"  # expect: google-iam-no-personal-emails
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_organization_iam_member" "support" {
        org_id  = "123456789012"
        role    = "roles/logging.viewer"
        member  = "user:helper@hotmail.com"  # expect: google-iam-no-personal-emails
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_folder_iam_binding" "contractors" {
        folder = "folders/123456789012"
        role   = "roles/viewer"
        members = [
          "group:contractors@example.com",
          "user:sam.roe@outlook.com",  # expect: google-iam-no-personal-emails
        ]
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_project_iam_member" "contractor" {
        project = "example-project"
        role    = "roles/logging.viewer"
        member  = "user:jane.doe@example.com"
      }

      resource "google_project_iam_member" "support" {
        project = "example-project"
        role    = "roles/logging.viewer"
        member  = "serviceAccount:bot@example-project.iam.gserviceaccount.com"
      }

      resource "google_project_iam_binding" "viewers" {
        project = "example-project"
        role    = "roles/viewer"
        members = [
          "group:viewers@example.com",
          "user:jane.doe@example.com",
        ]
      }
    EOT
  }
}
