rule "google-compute-project-os-login" {
  title     = "Project metadata does not enable OS Login"
  severity  = "medium"
  area      = "identity-access"
  compliance = {
    "cis-gcp-2.0" = ["4.4"]
  }
  resources = [
    "google_compute_project_metadata",
  ]
  aliases   = ["CKV_GCP_33", "AVD-GCP-0042", "google-compute-project-level-oslogin"]

  description = <<-EOT
    OS Login ties SSH access to IAM: users log in with their Google identity, access is granted and
     revoked through IAM roles, and logins are audited. Without it, access relies on SSH keys pasted
     into metadata, which nobody rotates or revokes when people leave. Guest access is the customer's
     side of IaaS.

     `google_compute_project_metadata` must set `enable-oslogin = "TRUE"`. Instances that turn it
     off again are checked by `google-compute-instance-os-login-not-disabled`.
  EOT
  remediation = "Add `enable-oslogin = \"TRUE\"` to the project's `metadata`."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_project_metadata",
    "https://cloud.google.com/compute/docs/oslogin/set-up-oslogin",
  ]

  assert {
    attribute "metadata.enable-oslogin" {
      matches = "(?i)^true$"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_compute_project_metadata" "default" {
        metadata = {  # expect: google-compute-project-os-login
          serial-port-logging-enable = "TRUE"
        }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_compute_project_metadata" "default" {
        metadata = {  # expect: google-compute-project-os-login
          enable-oslogin = "FALSE"
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_compute_project_metadata" "default" {
        metadata = {
          enable-oslogin = "TRUE"
        }
      }
    EOT
  }
}
