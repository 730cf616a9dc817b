rule "azure-keyvault-secret-content-type" {
  title     = "Key Vault secret has no content type"
  severity  = "low"
  area      = "configuration-posture"
  resources = ["azurerm_key_vault_secret"]
  aliases   = ["CKV_AZURE_114", "AVD-AZU-0015", "azure-keyvault-content-type-for-secret"]

  description = <<-EOT
    The content type of a secret records what the value is (a password, a certificate, a connection
    string). Without it, whoever rotates, audits or revokes secrets has to guess how each value is
    used and what breaks when it changes, and secrets get left unrotated. It is hygiene on the
    customer's side: low severity, since nothing is exposed.

    `content_type` is optional and has no default.
  EOT
  remediation = "Set `content_type` on the `azurerm_key_vault_secret` to describe the value (for example `\"password\"` or `\"connection-string\"`)."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/key_vault_secret#content_type",
    "https://learn.microsoft.com/en-us/azure/key-vault/secrets/about-secrets",
  ]

  assert {
    attribute "content_type" {
      present = true
    }
  }

  example "bad" {
    code = <<-EOT
      variable "api_token" {
        type      = string
        sensitive = true
      }

      resource "azurerm_key_vault_secret" "api" {  # expect: azure-keyvault-secret-content-type
        name            = "partner-api-token"
        value           = var.api_token
        key_vault_id    = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv-app"
        expiration_date = "2027-01-01T00:00:00Z"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      variable "api_token" {
        type      = string
        sensitive = true
      }

      resource "azurerm_key_vault_secret" "api" {
        name            = "partner-api-token"
        value           = var.api_token
        key_vault_id    = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv-app"
        content_type    = "api-token"
        expiration_date = "2027-01-01T00:00:00Z"
      }
    EOT
  }
}
