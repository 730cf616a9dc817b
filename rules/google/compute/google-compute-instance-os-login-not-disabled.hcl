rule "google-compute-instance-os-login-not-disabled" {
  title     = "Compute instance disables OS Login"
  severity  = "medium"
  area      = "identity-access"
  resources = [
    "google_compute_instance",
    "google_compute_instance_template",
    "google_compute_region_instance_template",
    "google_compute_instance_from_template",
  ]
  aliases = ["CKV_GCP_34", "AVD-GCP-0036", "google-compute-no-oslogin-override"]

  description = <<-EOT
    OS Login ties SSH access to IAM: who may log in (and who gets sudo) follows IAM roles, keys are
    bound to Google identities, access disappears when the identity is removed, and logins are
    audited. Setting `enable-oslogin = FALSE` in an instance's metadata overrides the project
    setting and falls back to metadata-managed SSH keys, which anyone with metadata write access can
    add and which nobody revokes. Access management to the guest is the customer's side of IaaS.

    The rule reports the `enable-oslogin` metadata key set to a false value (`FALSE`, `false`,
    `0`). Leaving the key out inherits the project setting, which should itself be `TRUE`.
  EOT
  remediation = "Remove `enable-oslogin` from the instance metadata (inheriting a project-wide `enable-oslogin = \"TRUE\"`) or set it to `\"TRUE\"`, and grant `roles/compute.osLogin` / `roles/compute.osAdminLogin` instead of distributing SSH keys."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_instance#metadata",
    "https://cloud.google.com/compute/docs/metadata/predefined-metadata-keys",
  ]

  assert {
    any {
      attribute "metadata.enable-oslogin" {
        present = false
      }
      attribute "metadata.enable-oslogin" {
        not_one_of = ["false", "FALSE", "False", "0"]
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_compute_instance" "app" {
        name         = "app-1"
        machine_type = "e2-standard-2"
        zone         = "europe-west1-b"

        boot_disk {
          initialize_params {
            image = "debian-cloud/debian-12"
          }
        }

        network_interface {
          subnetwork = "projects/example-project/regions/europe-west1/subnetworks/app"
        }

        metadata = {  # expect: google-compute-instance-os-login-not-disabled
          enable-oslogin = "FALSE"
          ssh-keys       = "admin:ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExampleKeyOnlyForDocumentation admin"
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_compute_instance" "app" {
        name         = "app-1"
        machine_type = "e2-standard-2"
        zone         = "europe-west1-b"

        boot_disk {
          initialize_params {
            image = "debian-cloud/debian-12"
          }
        }

        network_interface {
          subnetwork = "projects/example-project/regions/europe-west1/subnetworks/app"
        }

        metadata = {
          enable-oslogin = "TRUE"
        }
      }
    EOT
  }
}
