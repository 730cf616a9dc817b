rule "google-iam-no-user-granted-permissions" {
  title     = "IAM grants a role directly to an individual user"
  severity  = "medium"
  area      = "identity-access"
  resources = [
    "google_project_iam_member",
    "google_folder_iam_member",
    "google_organization_iam_member",
    "google_project_iam_binding",
    "google_folder_iam_binding",
    "google_organization_iam_binding",
  ]
  aliases   = ["AVD-GCP-0003", "google-iam-no-user-granted-permissions"]

  description = <<-EOT
    Roles granted to `user:` members at project, folder or organization level are hard to review and
    easy to forget: they stay when the person changes team, and they are not removed when the
    person leaves unless the account itself is deleted. Granting roles to groups keeps membership in
    one place that the identity team manages. Severity is medium: it is a defence-in-depth
    measure for access hygiene. Who receives roles is the customer's IAM decision.

    The rule checks `member` of the project, folder and organization IAM member resources, and
    each element of `members` of the IAM binding resources; a finding points at the `user:`
    member.
  EOT
  remediation = "Grant the role to a Google group (`group:team@example.com`) and manage the person's access through group membership."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/google_project_iam",
    "https://cloud.google.com/iam/docs/best-practices-for-using-and-managing-service-accounts",
    "https://cloud.google.com/iam/docs/using-iam-securely",
  ]

  assert {
    none "member" {
      value {
        matches = "^user:"
      }
    }
    none "members" {
      value {
        matches = "^user:"
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_project_iam_member" "analyst" {
        project = "example-project"
        role    = "roles/bigquery.dataViewer"
        member  = "user:alice@example.com"  # expect: google-iam-no-user-granted-permissions
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_folder_iam_member" "network" {
        folder  = "folders/123456789012"
        role    = "roles/compute.networkAdmin"
        member  = "user:bob@example.com"  # expect: google-iam-no-user-granted-permissions
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_project_iam_binding" "analysts" {
        project = "example-project"
        role    = "roles/bigquery.dataViewer"
        members = [
          "group:analysts@example.com",
          "user:carol@example.com",  # expect: google-iam-no-user-granted-permissions
        ]
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_project_iam_member" "analysts" {
        project = "example-project"
        role    = "roles/bigquery.dataViewer"
        member  = "group:analysts@example.com"
      }

      resource "google_organization_iam_member" "workers" {
        org_id  = "123456789012"
        role    = "roles/logging.logWriter"
        member  = "serviceAccount:worker@example-project.iam.gserviceaccount.com"
      }

      resource "google_folder_iam_binding" "network" {
        folder  = "folders/123456789012"
        role    = "roles/compute.networkAdmin"
        members = ["group:network-admins@example.com"]
      }
    EOT
  }
}
