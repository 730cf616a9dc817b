rule "google-secretmanager-no-public-access" {
  title     = "Secret Manager secret grants access to allUsers or allAuthenticatedUsers"
  severity  = "critical"
  area      = "data-protection"
  resources = [
    "google_secret_manager_secret_iam_member",
    "google_secret_manager_secret_iam_binding",
    "google_secret_manager_secret_iam_policy",
  ]

  description = <<-EOT
    A role on a secret granted to `allUsers` or `allAuthenticatedUsers` publishes the secret: anyone on
    the internet (or with any Google account) can read its versions, which are passwords, API keys
    and private keys by definition. Severity is critical because this is direct public exposure of
    credentials. Who may read a secret is the customer's IAM decision.

    The rule checks `member` of the `_iam_member` resources, `members` of the `_iam_binding`
    resources and the `policy_data` JSON of the authoritative `_iam_policy` resources, when it is
    known at scan time (a `jsonencode` literal or a heredoc). A policy built by the
    `google_iam_policy` data source is not evaluated.
  EOT
  remediation = "Grant the role to named users, groups (`group:...`), a domain or service accounts instead of `allUsers` / `allAuthenticatedUsers`."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/secret_manager_secret_iam",
    "https://cloud.google.com/secret-manager/docs/access-control",
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
      resource "google_secret_manager_secret_iam_member" "public" {
        secret_id = "db-password"
        role   = "roles/secretmanager.secretAccessor"
        member = "allUsers"  # expect: google-secretmanager-no-public-access
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_secret_manager_secret_iam_binding" "public" {
        secret_id = "db-password"
        role    = "roles/secretmanager.secretAccessor"
        members = [  # expect: google-secretmanager-no-public-access
          "group:team@example.com",
          "allAuthenticatedUsers",
        ]
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_secret_manager_secret_iam_policy" "public" {
        secret_id = "db-password"
        policy_data = jsonencode({  # expect: google-secretmanager-no-public-access
          bindings = [{
            role    = "roles/secretmanager.secretAccessor"
            members = ["allUsers"]
          }]
        })
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      variable "invoker" {
        type    = string
        default = "allAuthenticatedUsers"
      }

      resource "google_secret_manager_secret_iam_member" "from_variable" {
        secret_id = "db-password"
        role   = "roles/secretmanager.secretAccessor"
        member = var.invoker  # expect: google-secretmanager-no-public-access
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_secret_manager_secret_iam_member" "team" {
        secret_id = "db-password"
        role   = "roles/secretmanager.secretAccessor"
        member = "group:team@example.com"
      }

      resource "google_secret_manager_secret_iam_binding" "workers" {
        secret_id = "db-password"
        role    = "roles/secretmanager.secretAccessor"
        members = ["serviceAccount:worker@example-project.iam.gserviceaccount.com"]
      }

      resource "google_secret_manager_secret_iam_policy" "private" {
        secret_id = "db-password"
        policy_data = jsonencode({
          bindings = [{
            role    = "roles/secretmanager.secretAccessor"
            members = ["domain:example.com"]
          }]
        })
      }
    EOT
  }
}
