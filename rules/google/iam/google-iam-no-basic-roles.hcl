rule "google-iam-no-basic-roles" {
  title     = "IAM grants a basic role (Owner, Editor or Viewer)"
  severity  = "medium"
  area      = "identity-access"
  resources = [
    "google_project_iam_member",
    "google_project_iam_binding",
    "google_folder_iam_member",
    "google_folder_iam_binding",
    "google_organization_iam_member",
    "google_organization_iam_binding",
  ]
  aliases = ["CKV_GCP_117", "CKV_GCP_116", "CKV_GCP_115"]

  description = <<-EOT
    The basic roles `roles/owner`, `roles/editor` and `roles/viewer` predate fine-grained IAM and
    carry thousands of permissions across every service, including ones added in the future. Editor
    can change or delete almost any resource and act as most service accounts; Owner can additionally
    grant access to anyone; Viewer can read configuration across the whole project. Granted at folder
    or organization level they apply to everything underneath. Google recommends predefined or custom
    roles instead; choosing the roles is the customer's responsibility.

    The rule checks `role` of the project, folder and organization IAM member and binding resources.
    Authoritative `*_iam_policy` resources take a JSON policy document that the rule does not read.
  EOT
  remediation = "Replace the basic role with predefined roles scoped to what the principal actually needs (for example `roles/compute.instanceAdmin.v1`, `roles/storage.objectViewer`), or a custom role."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/google_project_iam",
    "https://cloud.google.com/iam/docs/understanding-roles",
  ]

  assert {
    attribute "role" {
      not_one_of = ["roles/owner", "roles/editor", "roles/viewer"]
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_project_iam_member" "dev" {
        project = "example-project"
        role    = "roles/editor"  # expect: google-iam-no-basic-roles
        member  = "user:dev@example.com"
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_folder_iam_binding" "owners" {
        folder  = "folders/123456789012"
        role    = "roles/owner"  # expect: google-iam-no-basic-roles
        members = ["group:platform@example.com"]
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_project_iam_member" "dev" {
        project = "example-project"
        role    = "roles/compute.instanceAdmin.v1"
        member  = "group:developers@example.com"
      }
    EOT
  }
}
