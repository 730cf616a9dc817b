rule "azure-compute-vm-unmanaged-disks" {
  title     = "Virtual machine uses unmanaged disks (VHD blobs in a storage account)"
  severity  = "medium"
  area      = "data-protection"
  resources = ["azurerm_virtual_machine"]
  aliases   = ["CKV2_AZURE_9"]

  compliance = { "cis-azure-3.0" = ["8.2"] }
  description = <<-EOT
    A disk given by `vhd_uri` is a page blob in a storage account the customer manages. Anyone
    holding that account's keys or a SAS token for the container can download the whole disk, and
    the disk gets none of the managed-disk protections: no disk encryption sets with
    customer-managed keys, no disk access policies or private links, no Azure RBAC on the disk
    itself. Managed disks are the supported default; the choice of disk type is the customer's
    side of IaaS.

    Only the legacy `azurerm_virtual_machine` resource can attach unmanaged disks: the rule reports
    a `storage_os_disk` or `storage_data_disk` block that sets `vhd_uri`. The current
    `azurerm_linux_virtual_machine` and `azurerm_windows_virtual_machine` resources always use
    managed disks. Microsoft retires unmanaged disks in 2025/2026. Severity is medium: the disk's
    content is protected only by the storage account's credentials.
  EOT
  remediation = "Use `managed_disk_type` (or `managed_disk_id`) instead of `vhd_uri`, or move to `azurerm_linux_virtual_machine` / `azurerm_windows_virtual_machine`, which use managed disks only; convert existing VMs with `ConvertTo-AzVMManagedDisk`."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/virtual_machine#vhd_uri",
    "https://learn.microsoft.com/en-us/azure/virtual-machines/unmanaged-disks-deprecation",
  ]

  assert {
    attribute "storage_os_disk.vhd_uri" {
      present = false
    }
    attribute "storage_data_disk.vhd_uri" {
      present = false
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_virtual_machine" "legacy" {
        name                  = "vm-legacy"
        location              = "westeurope"
        resource_group_name   = "rg-app"
        network_interface_ids = ["/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-app/providers/Microsoft.Network/networkInterfaces/nic"]
        vm_size               = "Standard_B2s"

        storage_image_reference {
          publisher = "Canonical"
          offer     = "0001-com-ubuntu-server-jammy"
          sku       = "22_04-lts"
          version   = "latest"
        }

        storage_os_disk {
          name          = "osdisk"
          vhd_uri       = "https://stvhds.blob.core.windows.net/vhds/osdisk.vhd"  # expect: azure-compute-vm-unmanaged-disks
          caching       = "ReadWrite"
          create_option = "FromImage"
        }

        os_profile {
          computer_name  = "legacy"
          admin_username = "azureuser"
        }

        os_profile_linux_config {
          disable_password_authentication = true
          ssh_keys {
            path     = "/home/azureuser/.ssh/authorized_keys"
            key_data = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExampleKeyOnly"
          }
        }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_virtual_machine" "legacy" {
        name                  = "vm-legacy"
        location              = "westeurope"
        resource_group_name   = "rg-app"
        network_interface_ids = ["/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-app/providers/Microsoft.Network/networkInterfaces/nic"]
        vm_size               = "Standard_B2s"

        storage_os_disk {
          name              = "osdisk"
          managed_disk_type = "Premium_LRS"
          caching           = "ReadWrite"
          create_option     = "FromImage"
        }

        storage_data_disk {
          name          = "data"
          vhd_uri       = "https://stvhds.blob.core.windows.net/vhds/data.vhd"  # expect: azure-compute-vm-unmanaged-disks
          create_option = "Empty"
          lun           = 0
          disk_size_gb  = 128
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_virtual_machine" "legacy" {
        name                  = "vm-legacy"
        location              = "westeurope"
        resource_group_name   = "rg-app"
        network_interface_ids = ["/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-app/providers/Microsoft.Network/networkInterfaces/nic"]
        vm_size               = "Standard_B2s"

        storage_os_disk {
          name              = "osdisk"
          managed_disk_type = "Premium_LRS"
          caching           = "ReadWrite"
          create_option     = "FromImage"
        }

        storage_data_disk {
          name              = "data"
          managed_disk_type = "Premium_LRS"
          create_option     = "Empty"
          lun               = 0
          disk_size_gb      = 128
        }
      }
    EOT
  }
}
