rule "google-compute-instance-shielded-vm" {
  title     = "Compute instance does not enable Shielded VM secure boot"
  severity  = "medium"
  area      = "application-workload"
  compliance = {
    "cis-gcp-2.0" = ["4.8"]
  }
  resources = ["google_compute_instance", "google_compute_instance_template", "google_compute_region_instance_template"]
  aliases   = ["CKV_GCP_39", "AVD-GCP-0067", "google-compute-enable-shielded-vm-sb"]

  description = <<-EOT
    Secure boot makes the instance refuse bootloaders, kernels and drivers that are not signed by a
    trusted authority. Without it, an attacker who gains root once can install a bootkit or rootkit
    that survives reboots and hides from the operating system. The guest OS and its boot
    configuration are the customer's side of IaaS.

    `shielded_instance_config.enable_secure_boot` defaults to `false`, so the setting must be made.
    vTPM and integrity monitoring (both on by default) are checked by
    `google-compute-instance-shielded-vm-vtpm` and
    `google-compute-instance-shielded-vm-integrity-monitoring`. Shielded VM needs an image with
    Shielded VM support (all current public images). `google_compute_instance_from_template` is not
    checked, because a missing block there means "inherit from the template".
  EOT
  remediation = "Add `shielded_instance_config { enable_secure_boot = true }` and use a Shielded VM image."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_instance#nested_shielded_instance_config",
    "https://cloud.google.com/security/shielded-cloud/shielded-vm",
  ]

  assert {
    attribute "shielded_instance_config.enable_secure_boot" {
      equals = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_compute_instance" "app" {  # expect: google-compute-instance-shielded-vm
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
      }
    EOT
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

        shielded_instance_config {
          enable_secure_boot = false  # expect: google-compute-instance-shielded-vm
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

        shielded_instance_config {
          enable_secure_boot = true
        }
      }
    EOT
  }
}
