rule "google-iam-no-org-level-service-account-impersonation" {
  title     = "Organization IAM grants Service Account User or Token Creator at organization level"
  severity  = "high"
  area      = "identity-access"
  resources = [
    "google_organization_iam_member",
    "google_organization_iam_binding",
    "google_organization_iam_policy",
  ]
  aliases   = ["AVD-GCP-0009", "google-iam-no-org-level-service-account-impersonation"]

  description = <<-EOT
    `roles/iam.serviceAccountUser` lets a principal run workloads as a service account and
    `roles/iam.serviceAccountTokenCreator` lets it mint access and ID tokens for one. Granted at
    organization level, they apply to every service account in the whole organization, so the grantee can act as
    the most privileged of them, including accounts with Owner or organization-wide roles. This is
    a privilege escalation path; severity is high. The grant is the customer's IAM decision.

    Grant these roles on the individual service account (`google_service_account_iam_member`)
    instead. The rule checks `role` of the organization IAM member and binding resources.

    The authoritative `google_organization_iam_policy` is checked when its `policy_data` is known at scan
    time (a `jsonencode` literal or a heredoc); a policy built by the `google_iam_policy` data
    source is not evaluated.
  EOT
  remediation = "Remove the grant and give `roles/iam.serviceAccountUser` or `roles/iam.serviceAccountTokenCreator` on the specific service account with `google_service_account_iam_member`."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/google_organization_iam",
    "https://cloud.google.com/iam/docs/service-account-permissions",
  ]

  assert {
    attribute "role" {
      not_one_of = ["roles/iam.serviceAccountUser", "roles/iam.serviceAccountTokenCreator"]
      default    = ""
    }
    attribute "policy_data" {
      not_matches = "\"roles/iam\\.serviceAccount(User|TokenCreator)\""
      default     = ""
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_organization_iam_member" "ci" {
        org_id  = "123456789012"
        role    = "roles/iam.serviceAccountUser"  # expect: google-iam-no-org-level-service-account-impersonation
        member  = "group:ci@example.com"
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_organization_iam_binding" "deployers" {
        org_id  = "123456789012"
        role    = "roles/iam.serviceAccountTokenCreator"  # expect: google-iam-no-org-level-service-account-impersonation
        members = [
          "serviceAccount:deployer@example-project.iam.gserviceaccount.com",
        ]
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_organization_iam_policy" "authoritative" {
        org_id = "123456789"
        policy_data = jsonencode({  # expect: google-iam-no-org-level-service-account-impersonation
          bindings = [
            {
              role    = "roles/browser"
              members = ["group:everyone@example.com"]
            },
            {
              role    = "roles/iam.serviceAccountTokenCreator"
              members = ["group:ci@example.com"]
            },
          ]
        })
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_organization_iam_member" "ci" {
        org_id  = "123456789012"
        role    = "roles/iam.serviceAccountViewer"
        member  = "group:ci@example.com"
      }

      resource "google_service_account_iam_member" "ci_runs_as_builder" {
        service_account_id = "projects/example-project/serviceAccounts/builder@example-project.iam.gserviceaccount.com"
        role               = "roles/iam.serviceAccountUser"
        member             = "group:ci@example.com"
      }
    EOT
  }
}
