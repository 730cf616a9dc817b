rule "azure-keyvault-secret-expiry" {
  title     = "Key Vault secret has no expiration date"
  severity  = "medium"
  area      = "data-protection"
  resources = ["azurerm_key_vault_secret"]
  aliases   = ["CKV_AZURE_41", "AVD-AZU-0017", "azure-keyvault-ensure-secret-expiry"]

  compliance = { "cis-azure-3.0" = ["3.3.3", "3.3.4"] }
  description = <<-EOT
    A secret (a password, a connection string, an API token) without an expiration date is valid for
    as long as the system behind it accepts it. Nobody is forced to rotate it, so a value that leaked
    into a log, a laptop or a former employee's notes stays useful to an attacker indefinitely. The
    expiry date is the customer's decision; Key Vault reports and enforces it.

    `expiration_date` has no default: an absent date means the secret never expires. Severity is
    medium: a missing expiry is a missing safeguard, not an exposure by itself.
  EOT
  remediation = "Set `expiration_date` on the `azurerm_key_vault_secret` and rotate the secret before that date."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/key_vault_secret#expiration_date",
    "https://learn.microsoft.com/en-us/azure/key-vault/secrets/tutorial-rotation",
  ]

  assert {
    attribute "expiration_date" {
      present = true
    }
  }

  example "bad" {
    code = <<-EOT
      variable "db_password" {
        type      = string
        sensitive = true
      }

      resource "azurerm_key_vault_secret" "db" {  # expect: azure-keyvault-secret-expiry
        name         = "db-password"
        value        = var.db_password
        key_vault_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv-app"
        content_type = "password"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      variable "db_password" {
        type      = string
        sensitive = true
      }

      resource "azurerm_key_vault_secret" "db" {
        name            = "db-password"
        value           = var.db_password
        key_vault_id    = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv-app"
        content_type    = "password"
        expiration_date = "2027-01-01T00:00:00Z"
      }
    EOT
  }
}
