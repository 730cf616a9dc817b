rule "google-iam-no-privileged-service-accounts" {
  title     = "IAM grants an owner, editor or IAM-admin role to a service account"
  severity  = "high"
  area      = "identity-access"
  compliance = {
    "cis-gcp-2.0" = ["1.5"]
  }
  resources = [
    "google_project_iam_member",
    "google_folder_iam_member",
    "google_organization_iam_member",
    "google_project_iam_binding",
    "google_folder_iam_binding",
    "google_organization_iam_binding",
  ]
  aliases   = ["AVD-GCP-0007", "google-iam-no-privileged-service-accounts"]

  description = <<-EOT
    A service account's key or token is a credential that lives in CI systems, VMs and containers.
    When the account holds `roles/owner`, `roles/editor` or a role that can change IAM policies or
    manage service accounts and their keys, stealing that credential is enough to take over the
    project, folder or organization. Severity is high: it is a direct privilege escalation path.
    The roles a workload identity gets are the customer's IAM decision.

    The rule reports a `serviceAccount:` member granted one of these roles through the project,
    folder or organization IAM member resources, or listed in `members` of their IAM binding
    resources (the finding points at the member): `roles/owner`, `roles/editor`, `roles/iam.securityAdmin`, `roles/iam.serviceAccountAdmin`, `roles/iam.serviceAccountKeyAdmin`, `roles/resourcemanager.projectIamAdmin`, `roles/resourcemanager.folderAdmin`, `roles/resourcemanager.folderIamAdmin`, `roles/resourcemanager.organizationAdmin`.
    A member built by interpolation (`"serviceAccount:$${google_service_account.ci.email}"`) is
    reported too: the account's `email` is computed by the provider, but the known prefix already
    says the member is a service account.
  EOT
  remediation = "Grant the service account predefined roles limited to what the workload does (for example `roles/storage.objectViewer`), and keep owner and IAM-admin roles with a few human groups."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/google_project_iam",
    "https://cloud.google.com/iam/docs/best-practices-service-accounts#restrict-admin-roles",
  ]

  assert {
    any {
      all {
        none "member" {
          value {
            matches = "^serviceAccount:"
          }
        }
        none "members" {
          value {
            matches = "^serviceAccount:"
          }
        }
      }
      attribute "role" {
        not_one_of = ["roles/owner", "roles/editor", "roles/iam.securityAdmin", "roles/iam.serviceAccountAdmin", "roles/iam.serviceAccountKeyAdmin", "roles/resourcemanager.projectIamAdmin", "roles/resourcemanager.folderAdmin", "roles/resourcemanager.folderIamAdmin", "roles/resourcemanager.organizationAdmin"]
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_project_iam_member" "deployer" {
        project = "example-project"
        role    = "roles/owner"
        member  = "serviceAccount:deployer@example-project.iam.gserviceaccount.com"  # expect: google-iam-no-privileged-service-accounts
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_organization_iam_member" "iam_bots" {
        org_id  = "123456789012"
        role    = "roles/iam.securityAdmin"
        member  = "serviceAccount:policy-bot@example-project.iam.gserviceaccount.com"  # expect: google-iam-no-privileged-service-accounts
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_project_iam_binding" "editors" {
        project = "example-project"
        role    = "roles/editor"
        members = [
          "group:platform-admins@example.com",
          "serviceAccount:ci@example-project.iam.gserviceaccount.com",  # expect: google-iam-no-privileged-service-accounts
        ]
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_service_account" "ci" {
        account_id = "ci"
      }

      resource "google_folder_iam_member" "ci" {
        folder = "folders/123456789012"
        role   = "roles/resourcemanager.folderAdmin"
        member = "serviceAccount:$${google_service_account.ci.email}"  # expect: google-iam-no-privileged-service-accounts
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_project_iam_member" "deployer" {
        project = "example-project"
        role    = "roles/run.developer"
        member  = "serviceAccount:deployer@example-project.iam.gserviceaccount.com"
      }

      resource "google_project_iam_member" "admins" {
        project = "example-project"
        role    = "roles/owner"
        member  = "group:platform-admins@example.com"
      }

      resource "google_project_iam_binding" "runners" {
        project = "example-project"
        role    = "roles/run.developer"
        members = ["serviceAccount:deployer@example-project.iam.gserviceaccount.com"]
      }
    EOT
  }
}
