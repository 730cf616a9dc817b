rule "azure-acr-webhook-https" {
  title     = "Container registry webhook posts notifications over plain HTTP"
  severity  = "medium"
  area      = "application-workload"
  resources = ["azurerm_container_registry_webhook"]
  aliases   = ["CKV2_AZURE_30"]

  description = <<-EOT
    A registry webhook sends an HTTP POST on every push, delete or quarantine event, with the
    repository, tag and digest, and with any custom headers configured, which commonly carry an
    authorization token for the receiving CI/CD system. Over `http://` the notification and those
    headers cross the network in clear text: anyone on the path can read the token, and can forge
    or alter notifications that trigger deployments. The receiving endpoint is the customer's.

    The rule reports a `service_uri` that does not start with `https://`. A URI known only after
    apply leaves the rule undecided. Severity is medium: a credential and a deployment trigger in
    transit without protection.
  EOT
  remediation = "Use an `https://` `service_uri` with a valid certificate on the receiving endpoint."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/container_registry_webhook#service_uri",
    "https://learn.microsoft.com/en-us/azure/container-registry/container-registry-webhook",
  ]

  assert {
    attribute "service_uri" {
      matches = "(?i)^https://"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_container_registry_webhook" "deploy" {
        name                = "deploy"
        resource_group_name = "rg-ci"
        registry_name       = "acrapps"
        location            = "westeurope"
        service_uri         = "http://ci.example.com/hooks/acr"  # expect: azure-acr-webhook-https
        actions             = ["push"]
        custom_headers      = { "Authorization" = "Bearer not-a-real-token" }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_container_registry_webhook" "deploy" {
        name                = "deploy"
        resource_group_name = "rg-ci"
        registry_name       = "acrapps"
        location            = "westeurope"
        service_uri         = "https://ci.example.com/hooks/acr"
        actions             = ["push"]
      }
    EOT
  }
}
