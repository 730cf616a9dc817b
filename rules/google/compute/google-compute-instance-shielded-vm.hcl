rule "google-compute-instance-shielded-vm" {
  title     = "Compute instance does not use Shielded VM secure boot, vTPM and integrity monitoring"
  severity  = "medium"
  area      = "application-workload"
  resources = ["google_compute_instance", "google_compute_instance_template", "google_compute_region_instance_template"]
  aliases = [
    "CKV_GCP_39",
    "AVD-GCP-0067", "google-compute-enable-shielded-vm-sb",
    "AVD-GCP-0041", "google-compute-enable-shielded-vm-vtpm",
    "AVD-GCP-0045", "google-compute-enable-shielded-vm-im",
  ]

  description = <<-EOT
    Shielded VM protects the boot chain of an instance: secure boot refuses unsigned or tampered
    bootloaders and kernels, the virtual TPM provides measured boot and sealed secrets, and integrity
    monitoring reports when the boot measurements drift from the baseline. Without them a bootkit or
    rootkit planted by an attacker with root access can survive reboots undetected. The guest OS and
    its boot configuration are the customer's side of IaaS.

    In `shielded_instance_config`, `enable_secure_boot` defaults to `false` while `enable_vtpm` and
    `enable_integrity_monitoring` default to `true`; the rule requires secure boot and reports the
    other two when they are switched off. Shielded VM needs an image with Shielded VM support (all
    current public images). `google_compute_instance_from_template` is not checked, because a
    missing block there means "inherit from the template".
  EOT
  remediation = "Add `shielded_instance_config { enable_secure_boot = true }` (keeping `enable_vtpm` and `enable_integrity_monitoring` at `true`) and use a Shielded VM image."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_instance#enable_secure_boot",
    "https://cloud.google.com/security/shielded-cloud/shielded-vm",
    "https://cloud.google.com/compute/docs/images#shielded-images",
  ]

  assert {
    attribute "shielded_instance_config.enable_secure_boot" {
      equals = true
    }
    attribute "shielded_instance_config.enable_vtpm" {
      equals  = true
      default = true
    }
    attribute "shielded_instance_config.enable_integrity_monitoring" {
      equals  = true
      default = true
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
          enable_secure_boot          = true
          enable_integrity_monitoring = false  # expect: google-compute-instance-shielded-vm
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
          enable_secure_boot          = true
          enable_vtpm                 = true
          enable_integrity_monitoring = true
        }
      }
    EOT
  }
}
