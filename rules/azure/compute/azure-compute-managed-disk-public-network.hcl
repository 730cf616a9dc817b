rule "azure-compute-managed-disk-public-network" {
  title     = "Managed disk can be exported from any network"
  severity  = "medium"
  area      = "data-protection"
  resources = ["azurerm_managed_disk"]
  aliases   = ["CKV_AZURE_251"]

  compliance = { "cis-azure-3.0" = ["8.5"] }
  description = <<-EOT
    Anyone with the `Microsoft.Compute/disks/beginGetAccess/action` permission (Disk Snapshot
    Contributor, Contributor, a leaked automation identity) can generate a SAS URL for a managed
    disk and download its entire content. With the default network access policy, `AllowAll`,
    that URL works from any network on the internet, so a copy of the disk can leave the tenant
    silently. Limiting export to a disk access resource (private link) or denying it removes that
    path. The network path to the customer's disk data is the customer's side of IaaS.

    `network_access_policy` defaults to `AllowAll` and `public_network_access_enabled` to `true`.
    The disk is compliant when `public_network_access_enabled = false` or
    `network_access_policy` is `AllowPrivate` (with a `disk_access_id`) or `DenyAll`. Severity is
    medium: exfiltration needs a permission, but not a network position.
  EOT
  remediation = "Set `public_network_access_enabled = false` and `network_access_policy = \"DenyAll\"` (or `\"AllowPrivate\"` with `disk_access_id` pointing at an `azurerm_disk_access` reached through a private endpoint)."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/managed_disk#network_access_policy",
    "https://learn.microsoft.com/en-us/azure/virtual-machines/disks-restrict-import-export-overview",
  ]

  assert {
    any {
      attribute "public_network_access_enabled" {
        equals  = false
        default = true
      }
      attribute "network_access_policy" {
        one_of  = ["AllowPrivate", "DenyAll"]
        default = "AllowAll"
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_managed_disk" "data" {  # expect: azure-compute-managed-disk-public-network
        name                 = "disk-data"
        location             = "westeurope"
        resource_group_name  = "rg-app"
        storage_account_type = "Premium_LRS"
        create_option        = "Empty"
        disk_size_gb         = 256
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_managed_disk" "data" {
        name                          = "disk-data"
        location                      = "westeurope"
        resource_group_name           = "rg-app"
        storage_account_type          = "Premium_LRS"
        create_option                 = "Empty"
        disk_size_gb                  = 256
        network_access_policy         = "AllowAll"
        public_network_access_enabled = true  # expect: azure-compute-managed-disk-public-network
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_managed_disk" "data" {
        name                          = "disk-data"
        location                      = "westeurope"
        resource_group_name           = "rg-app"
        storage_account_type          = "Premium_LRS"
        create_option                 = "Empty"
        disk_size_gb                  = 256
        network_access_policy         = "DenyAll"
        public_network_access_enabled = false
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_managed_disk" "data" {
        name                  = "disk-data"
        location              = "westeurope"
        resource_group_name   = "rg-app"
        storage_account_type  = "Premium_LRS"
        create_option         = "Empty"
        disk_size_gb          = 256
        network_access_policy = "AllowPrivate"
        disk_access_id        = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-app/providers/Microsoft.Compute/diskAccesses/da-app"
      }
    EOT
  }
}
