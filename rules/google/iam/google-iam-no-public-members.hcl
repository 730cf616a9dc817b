rule "google-iam-no-public-members" {
  title     = "Project, folder or organization IAM grants a role to allUsers or allAuthenticatedUsers"
  severity  = "critical"
  area      = "identity-access"
  resources = [
    "google_project_iam_member",
    "google_project_iam_binding",
    "google_project_iam_policy",
    "google_folder_iam_member",
    "google_folder_iam_binding",
    "google_folder_iam_policy",
    "google_organization_iam_member",
    "google_organization_iam_binding",
    "google_organization_iam_policy",
  ]

  description = <<-EOT
    A role granted at project, folder or organization level applies to every resource below it.
    Granted to `allUsers` (anyone on the internet, without credentials) or `allAuthenticatedUsers`
    (anyone with any Google account, which is no narrower), it opens every bucket, dataset, secret
    and API of the hierarchy that the role covers to strangers. Severity is critical: it is direct
    public exposure of data, and of administration when the role can change resources. Where Google
    refuses such a grant at apply time, the rule still reports the intent before an apply.
    Who holds roles on the hierarchy is the customer's IAM decision.

    The rule checks `member` of the `_iam_member` resources, `members` of the `_iam_binding`
    resources and the `policy_data` JSON of the authoritative `_iam_policy` resources, when it is
    known at scan time (a `jsonencode` literal or a heredoc). A policy built by the
    `google_iam_policy` data source is not evaluated.
  EOT
  remediation = "Grant the role to named users, groups (`group:...`), a domain or service accounts instead of `allUsers` / `allAuthenticatedUsers`."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/google_project_iam",
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/google_folder_iam",
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/google_organization_iam",
    "https://cloud.google.com/iam/docs/principal-identifiers",
  ]

  assert {
    attribute "member" {
      not_one_of = ["allUsers", "allAuthenticatedUsers"]
      default    = ""
    }
    attribute "members" {
      not_contains = "allUsers"
      default      = []
    }
    attribute "members" {
      not_contains = "allAuthenticatedUsers"
      default      = []
    }
    attribute "policy_data" {
      not_matches = "\"(allUsers|allAuthenticatedUsers)\""
      default     = ""
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_project_iam_member" "public" {
        project = "example-project"
        role    = "roles/storage.objectViewer"
        member  = "allUsers"  # expect: google-iam-no-public-members
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_folder_iam_binding" "public" {
        folder  = "folders/1234567"
        role    = "roles/viewer"
        members = [  # expect: google-iam-no-public-members
          "group:auditors@example.com",
          "allAuthenticatedUsers",
        ]
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_organization_iam_policy" "public" {
        org_id = "123456789"
        policy_data = jsonencode({  # expect: google-iam-no-public-members
          bindings = [{
            role    = "roles/browser"
            members = ["allAuthenticatedUsers"]
          }]
        })
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      variable "reader" {
        type    = string
        default = "allUsers"
      }

      resource "google_project_iam_member" "from_variable" {
        project = "example-project"
        role    = "roles/bigquery.dataViewer"
        member  = var.reader  # expect: google-iam-no-public-members
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_project_iam_member" "team" {
        project = "example-project"
        role    = "roles/storage.objectViewer"
        member  = "group:data-readers@example.com"
      }

      resource "google_folder_iam_binding" "auditors" {
        folder  = "folders/1234567"
        role    = "roles/viewer"
        members = ["group:auditors@example.com", "domain:example.com"]
      }

      resource "google_organization_iam_policy" "org" {
        org_id = "123456789"
        policy_data = jsonencode({
          bindings = [{
            role    = "roles/browser"
            members = ["domain:example.com"]
          }]
        })
      }
    EOT
  }
}
