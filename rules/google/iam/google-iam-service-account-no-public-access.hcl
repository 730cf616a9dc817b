rule "google-iam-service-account-no-public-access" {
  title     = "Service account grants a role to allUsers or allAuthenticatedUsers"
  severity  = "high"
  area      = "identity-access"
  resources = [
    "google_service_account_iam_member",
    "google_service_account_iam_binding",
    "google_service_account_iam_policy",
  ]

  description = <<-EOT
    Roles on a service account decide who may act as it: `roles/iam.serviceAccountUser` lets a
    principal attach it to workloads, `roles/iam.serviceAccountTokenCreator` lets it mint access and
    ID tokens for it, and `roles/iam.serviceAccountAdmin` lets it change its policy. Granted to
    `allUsers` or `allAuthenticatedUsers`, anyone can obtain the account's credentials and use every
    permission the account holds in the organization. Who may use a service account is the
    customer's IAM decision.

    The rule checks `member` of the `_iam_member` resources, `members` of the `_iam_binding`
    resources and the `policy_data` JSON of the authoritative `_iam_policy` resources, when it is
    known at scan time (a `jsonencode` literal or a heredoc). A policy built by the
    `google_iam_policy` data source is not evaluated.
  EOT
  remediation = "Grant the role on the service account to the named users, groups or workloads that need it instead of `allUsers` / `allAuthenticatedUsers`."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/google_service_account_iam",
    "https://cloud.google.com/iam/docs/service-account-permissions",
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
      resource "google_service_account_iam_member" "public" {
        service_account_id = "projects/example-project/serviceAccounts/deployer@example-project.iam.gserviceaccount.com"
        role               = "roles/iam.serviceAccountTokenCreator"
        member             = "allAuthenticatedUsers"  # expect: google-iam-service-account-no-public-access
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_service_account_iam_binding" "public" {
        service_account_id = "projects/example-project/serviceAccounts/deployer@example-project.iam.gserviceaccount.com"
        role               = "roles/iam.serviceAccountUser"
        members = [  # expect: google-iam-service-account-no-public-access
          "allUsers",
        ]
      }
    EOT
  }

  example "bad" {
    lines = [3]
    code = <<-EOT
      resource "google_service_account_iam_policy" "public" {
        service_account_id = "projects/example-project/serviceAccounts/deployer@example-project.iam.gserviceaccount.com"
        policy_data = <<-JSON
          {"bindings": [{"role": "roles/iam.serviceAccountUser", "members": ["allUsers"]}]}
        JSON
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_service_account_iam_member" "ci" {
        service_account_id = "projects/example-project/serviceAccounts/deployer@example-project.iam.gserviceaccount.com"
        role               = "roles/iam.serviceAccountTokenCreator"
        member             = "serviceAccount:ci-runner@example-project.iam.gserviceaccount.com"
      }

      resource "google_service_account_iam_binding" "ops" {
        service_account_id = "projects/example-project/serviceAccounts/deployer@example-project.iam.gserviceaccount.com"
        role               = "roles/iam.serviceAccountUser"
        members            = ["group:ops@example.com"]
      }

      resource "google_service_account_iam_policy" "ops" {
        service_account_id = "projects/example-project/serviceAccounts/deployer@example-project.iam.gserviceaccount.com"
        policy_data = <<-JSON
          {"bindings": [{"role": "roles/iam.serviceAccountUser", "members": ["group:ops@example.com"]}]}
        JSON
      }
    EOT
  }
}
