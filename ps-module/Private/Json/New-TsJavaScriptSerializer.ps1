function New-TsJavaScriptSerializer {
    [void][System.Reflection.Assembly]::LoadWithPartialName('System.Web.Extensions')
    $serializer = [System.Web.Script.Serialization.JavaScriptSerializer]::new()
    $serializer.MaxJsonLength = [int]::MaxValue
    $serializer.RecursionLimit = 256
    return $serializer
}
