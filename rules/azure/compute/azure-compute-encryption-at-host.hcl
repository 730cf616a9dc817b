rule "azure-compute-encryption-at-host" {
  title     = "Virtual machine does not encrypt temporary disks and caches at the host"
  severity  = "low"
  area      = "data-protection"
  resources = [
    "azurerm_linux_virtual_machine",
    "azurerm_windows_virtual_machine",
    "azurerm_linux_virtual_machine_scale_set",
    "azurerm_windows_virtual_machine_scale_set",
  ]
  aliases   = ["CKV_AZURE_97", "CKV_AZURE_151"]

  description = <<-EOT
    Managed disks are encrypted at rest, but a VM's temporary disk and the host-side caches of its
    OS and data disks are not, unless encryption at host is on. Data written there (swap, page
    files, temp files, cached blocks of encrypted disks) then rests unencrypted on the physical
    host. Encrypting a VM's data end to end is the customer's side of IaaS.

    `encryption_at_host_enabled` defaults to `false` and requires the feature to be registered on
    the subscription. Severity is low: the exposure needs access to Azure's hosts.
  EOT
  remediation = "Register the `EncryptionAtHost` feature on the subscription and set `encryption_at_host_enabled = true` on the VM or scale set."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/linux_virtual_machine#encryption_at_host_enabled",
    "https://learn.microsoft.com/en-us/azure/virtual-machines/disk-encryption#encryption-at-host---end-to-end-encryption-for-your-vm-data",
  ]

  assert {
    attribute "encryption_at_host_enabled" {
      equals  = true
      default = false
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_linux_virtual_machine" "app" {  # expect: azure-compute-encryption-at-host
        name                  = "vm-app"
        resource_group_name   = "rg-vm"
        location              = "westeurope"
        size                  = "Standard_D2s_v5"
        admin_username        = "azureuser"
        network_interface_ids = ["/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-vm/providers/Microsoft.Network/networkInterfaces/nic-app"]

        admin_ssh_key {
          username   = "azureuser"
          public_key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExampleKeyOnlyForTests azureuser"
        }

        os_disk {
          caching              = "ReadWrite"
          storage_account_type = "Premium_LRS"
        }

        source_image_reference {
          publisher = "Canonical"
          offer     = "ubuntu-24_04-lts"
          sku       = "server"
          version   = "latest"
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_linux_virtual_machine" "app" {
        name                       = "vm-app"
        resource_group_name        = "rg-vm"
        location                   = "westeurope"
        size                       = "Standard_D2s_v5"
        admin_username             = "azureuser"
        encryption_at_host_enabled = true
        network_interface_ids      = ["/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-vm/providers/Microsoft.Network/networkInterfaces/nic-app"]

        admin_ssh_key {
          username   = "azureuser"
          public_key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExampleKeyOnlyForTests azureuser"
        }

        os_disk {
          caching              = "ReadWrite"
          storage_account_type = "Premium_LRS"
        }

        source_image_reference {
          publisher = "Canonical"
          offer     = "ubuntu-24_04-lts"
          sku       = "server"
          version   = "latest"
        }
      }
    EOT
  }
}
